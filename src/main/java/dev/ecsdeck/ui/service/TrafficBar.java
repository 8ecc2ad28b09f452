package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.service.DeploymentTimeline.Share;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * One listener's traffic as a horizontal bar: a segment per revision, as wide as its weight, and
 * the split in words beside it ("web:5 95% · web:6 5%"). A new split slides the segments to their
 * new widths rather than jumping, so the eye sees traffic move.
 */
public final class TrafficBar extends HBox {
    private static final Duration SLIDE = Duration.millis(400);
    private final Label name = new Label();
    private final Track track = new Track();
    private final Label split = new Label();
    private final List<DoubleProperty> shares = new ArrayList<>();
    private List<Share> shown = List.of();
    private Timeline slide;

    public TrafficBar(String listener) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("traffic-bar");
        name.setText(listener);
        name.getStyleClass().add("traffic-listener");
        name.setMinWidth(80);
        split.getStyleClass().add("traffic-label");
        split.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(track, Priority.ALWAYS);
        getChildren().addAll(name, track, split);
    }

    /** Shows a new split; the segments slide to their widths when the revisions are the same as before. */
    public void show(List<Share> split) {
        this.split.setText(new DeploymentTimeline.Traffic("", split).label());
        boolean sameRevisions = split.size() == shown.size()
                && split.stream().map(Share::revision).toList().equals(shown.stream().map(Share::revision).toList());
        if (slide != null) {
            slide.stop();
        }
        if (!sameRevisions) {
            track.getChildren().clear();
            shares.clear();
            for (int i = 0; i < split.size(); i++) {
                Share s = split.get(i);
                Region segment = new Region();
                segment.getStyleClass().addAll("traffic-segment", i == split.size() - 1 ? "traffic-new" : "traffic-old");
                Tooltip.install(segment, new Tooltip(s.revision()));
                SimpleDoubleProperty share = new SimpleDoubleProperty(s.percent());
                share.addListener((obs, was, now) -> track.requestLayout());
                shares.add(share);
                track.getChildren().add(segment);
            }
            track.requestLayout();
        } else {
            List<KeyValue> ends = new ArrayList<>();
            for (int i = 0; i < split.size(); i++) {
                ends.add(new KeyValue(shares.get(i), split.get(i).percent()));
            }
            slide = new Timeline(new KeyFrame(SLIDE, ends.toArray(KeyValue[]::new)));
            slide.play();
        }
        shown = List.copyOf(split);
    }

    /** The split in words, as shown. */
    public String splitText() {
        return split.getText();
    }

    /** The segments, oldest revision first (their widths are the weights on screen). */
    public List<Region> segments() {
        return track.getChildren().stream().map(Region.class::cast).toList();
    }

    /** The bar itself: the segments share its width by weight. */
    private final class Track extends Pane {
        Track() {
            getStyleClass().add("traffic-track");
            setMinWidth(120);
            setPrefWidth(320);
            setPrefHeight(14);
            setMinHeight(14);
            setMaxHeight(14);
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth() - snappedLeftInset() - snappedRightInset();
            double height = getHeight() - snappedTopInset() - snappedBottomInset();
            double total = shares.stream().mapToDouble(DoubleProperty::get).sum();
            double x = snappedLeftInset();
            for (int i = 0; i < getChildren().size() && i < shares.size(); i++) {
                double w = total <= 0 ? 0 : width * shares.get(i).get() / Math.max(100, total);
                getChildren().get(i).resizeRelocate(x, snappedTopInset(), w, height);
                x += w;
            }
        }
    }
}
