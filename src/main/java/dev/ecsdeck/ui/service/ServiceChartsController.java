package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.ui.common.Fxml;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The service's charts over the chosen range (a row of toggles): task counts, and CPU / memory
 * utilisation, each with a label saying why part or all of it is empty. Points are mapped from the view model's lists
 * as they change (a moved last point is moved, not replaced); no animations.
 */
public final class ServiceChartsController {
    /** Tick spacings to choose from, in seconds: at most about eight ticks on an axis. */
    private static final long[] TICKS = {10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    /** Over this span the time labels name the day too. */
    private static final long DAY_LABELS_OVER = 12 * 3600_000L;

    private final ServiceChartsViewModel model;
    private final Parent view;
    @FXML
    private GappedLineChart countsChart;
    @FXML
    private NumberAxis countsTimeAxis;
    @FXML
    private NumberAxis countsAxis;
    @FXML
    private HBox rangeBar;
    @FXML
    private Label countsMessage;
    @FXML
    private Label utilizationTitle;
    @FXML
    private Label utilizationMessage;
    @FXML
    private LineChart<Number, Number> utilizationChart;
    @FXML
    private NumberAxis utilizationTimeAxis;

    public ServiceChartsController(ServiceChartsViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "ServiceCharts.fxml");
        view.getStylesheets().add(ServiceChartsController.class.getResource(ServiceEventsController.STYLESHEET).toExternalForm());
    }

    @FXML
    private void initialize() {
        rangePicker();
        model.endProperty().addListener((obs, was, now) -> fitTimes());
        model.rangeProperty().addListener((obs, was, now) -> fitTimes());
        utilizationTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "CPU and memory utilisation (average %, " + model.rangeProperty().get().periodInWords() + ")", model.rangeProperty()));
        countsMessage.textProperty().bind(model.countsMessageProperty());
        countsMessage.visibleProperty().bind(model.countsMessageProperty().isNotEmpty());
        countsMessage.managedProperty().bind(countsMessage.visibleProperty());
        ObservableList<ServiceChartsViewModel.CountSample> counts = model.counts();
        countsChart.getData().setAll(List.of(
                series("Desired", counts, ServiceChartsViewModel.CountSample::desired),
                series("Running", counts, ServiceChartsViewModel.CountSample::running),
                series("Pending", counts, ServiceChartsViewModel.CountSample::pending)));
        timeLabels(countsTimeAxis);
        countsAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s);
            }
        });
        counts.addListener((ListChangeListener<ServiceChartsViewModel.CountSample>) c -> fitCounts());
        fitCounts();

        utilizationChart.getData().setAll(List.of(
                series("CPU %", model.cpu(), MetricPoint::value, MetricPoint::time),
                series("Memory %", model.memory(), MetricPoint::value, MetricPoint::time)));
        timeLabels(utilizationTimeAxis);
        fitUtilization();
        utilizationMessage.textProperty().bind(model.utilizationMessageProperty());
        utilizationMessage.visibleProperty().bind(model.utilizationMessageProperty().isNotEmpty());
        utilizationMessage.managedProperty().bind(utilizationMessage.visibleProperty());
        utilizationChart.visibleProperty().bind(model.utilizationAvailableProperty());
        utilizationChart.managedProperty().bind(utilizationChart.visibleProperty());
    }

    private static XYChart.Series<Number, Number> series(String name, ObservableList<ServiceChartsViewModel.CountSample> source,
            ToDoubleFunction<ServiceChartsViewModel.CountSample> y) {
        return series(name, source, y, ServiceChartsViewModel.CountSample::time, s -> s.afterGap() ? GappedLineChart.GAP : null);
    }

    private static <T> XYChart.Series<Number, Number> series(String name, ObservableList<T> source, ToDoubleFunction<T> y,
            java.util.function.Function<T, Instant> time) {
        return series(name, source, y, time, item -> null);
    }

    /** A series that follows {@code source}: x is the time in epoch milliseconds; the extra value marks where a line breaks. */
    private static <T> XYChart.Series<Number, Number> series(String name, ObservableList<T> source, ToDoubleFunction<T> y,
            java.util.function.Function<T, Instant> time, java.util.function.Function<T, Object> extra) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        ToLongFunction<T> x = item -> time.apply(item).toEpochMilli();
        java.util.function.Function<T, XYChart.Data<Number, Number>> point = item ->
                new XYChart.Data<>(x.applyAsLong(item), y.applyAsDouble(item), extra.apply(item));
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        source.forEach(item -> data.add(point.apply(item)));
        source.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    data.setAll(source.stream().map(point).toList());
                } else if (c.wasReplaced() && c.getAddedSize() == c.getRemovedSize()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        T item = source.get(i);
                        XYChart.Data<Number, Number> shown = data.get(i);
                        shown.setXValue(x.applyAsLong(item));
                        shown.setYValue(y.applyAsDouble(item));
                        shown.setExtraValue(extra.apply(item));
                    }
                } else {
                    if (c.wasRemoved()) {
                        data.remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                    }
                    if (c.wasAdded()) {
                        data.addAll(c.getFrom(), c.getAddedSubList().stream().map(point).toList());
                    }
                }
            }
        });
        return series;
    }

    /** One toggle per range; the chosen one stays chosen (a second click does not leave none). */
    private void rangePicker() {
        ToggleGroup group = new ToggleGroup();
        for (ChartRange r : ChartRange.values()) {
            ToggleButton button = new ToggleButton(r.label());
            button.setId("chartRange-" + r.name());
            button.setUserData(r);
            button.setToggleGroup(group);
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.setTooltip(new javafx.scene.control.Tooltip("The last " + r.label() + ", CPU and memory " + r.periodInWords()));
            rangeBar.getChildren().add(button);
        }
        group.getToggles().stream().filter(t -> t.getUserData() == model.rangeProperty().get()).findFirst().ifPresent(group::selectToggle);
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else {
                model.rangeProperty().set((ChartRange) now.getUserData());
            }
        });
    }

    /** Both charts span the chosen range up to the newest sample. */
    private void fitTimes() {
        fitCounts();
        fitUtilization();
    }

    private long[] window() {
        Instant end = model.endProperty().get();
        return new long[] {end.minus(model.rangeProperty().get().span()).toEpochMilli(), end.toEpochMilli()};
    }

    private void fitCounts() {
        List<ServiceChartsViewModel.CountSample> counts = model.counts();
        long[] window = window();
        fitTime(countsTimeAxis, window[0], window[1]);
        int max = counts.stream().mapToInt(s -> Math.max(s.desired(), Math.max(s.running(), s.pending()))).max().orElse(0);
        long unit = Math.max(1, (long) Math.ceil((max + 1) / 5.0));
        countsAxis.setLowerBound(0);
        countsAxis.setUpperBound(Math.max(unit, (max / unit + 1) * unit));
        countsAxis.setTickUnit(unit);
    }

    private void fitUtilization() {
        long[] window = window();
        fitTime(utilizationTimeAxis, window[0], window[1]);
    }

    /** Shows [from, to] (at least a minute) with ticks on round times. */
    private static void fitTime(NumberAxis axis, long fromMillis, long toMillis) {
        long span = Math.max(60_000, toMillis - fromMillis);
        long tick = TICKS[TICKS.length - 1] * 1000;
        for (long seconds : TICKS) {
            if (span / (seconds * 1000) <= 8) {
                tick = seconds * 1000;
                break;
            }
        }
        long lower = Math.floorDiv(fromMillis, tick) * tick;
        long upper = Math.max(lower + tick, -Math.floorDiv(-Math.max(toMillis, fromMillis + 60_000), tick) * tick);
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit(tick);
    }

    /** Clock labels: HH:mm:ss while ticks are under a minute apart, HH:mm after, with the day over 12 hours. */
    private static void timeLabels(NumberAxis axis) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                Instant t = Instant.ofEpochMilli(n.longValue());
                DateTimeFormatter format = axis.getUpperBound() - axis.getLowerBound() > DAY_LABELS_OVER ? DAYS
                        : axis.getTickUnit() < 60_000 ? SECONDS : MINUTES;
                return format.format(t);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
    }

    public Parent view() {
        return view;
    }
}
