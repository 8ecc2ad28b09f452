package dev.ecsdeck.ui.service;

import javafx.beans.NamedArg;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * A line chart whose lines break where nothing was observed: a point whose extra value is
 * {@link #GAP} starts a new stretch of its line instead of joining the point before it. Points are
 * drawn in the order of the series' data (time order for the panel's charts).
 */
public final class GappedLineChart extends LineChart<Number, Number> {
    /** The extra value of a point that starts a new stretch. */
    public static final Object GAP = "gap";

    public GappedLineChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        for (Series<Number, Number> series : getData()) {
            Node node = series.getNode();
            if (node instanceof Path path) {
                path.getElements().setAll(elements(series.getData()));
            }
        }
    }

    private ObservableList<PathElement> elements(ObservableList<Data<Number, Number>> data) {
        ObservableList<PathElement> elements = javafx.collections.FXCollections.observableArrayList();
        for (int i = 0; i < data.size(); i++) {
            Data<Number, Number> point = data.get(i);
            double x = getXAxis().getDisplayPosition(point.getXValue());
            double y = getYAxis().getDisplayPosition(point.getYValue());
            elements.add(i == 0 || GAP.equals(point.getExtraValue()) ? new MoveTo(x, y) : new LineTo(x, y));
        }
        return elements;
    }

    /** How many separate stretches a series' line has (for tests and for the reader of the code). */
    public static int stretches(Series<Number, Number> series) {
        int count = 0;
        for (int i = 0; i < series.getData().size(); i++) {
            if (i == 0 || GAP.equals(series.getData().get(i).getExtraValue())) {
                count++;
            }
        }
        return count;
    }
}
