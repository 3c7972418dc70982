package org.amicus.cases.demo;

import java.util.List;
import org.amicus.cases.figure.FigurePayloads.FigureRequest;

/**
 * The shape of the demo file of sourced figures: the figures the statement quotes, each as the API
 * takes it, recorded by the {@code owner} organisation.
 */
record DemoFigures(String source, List<String> notes, String owner, List<FigureRequest> figures) {}
