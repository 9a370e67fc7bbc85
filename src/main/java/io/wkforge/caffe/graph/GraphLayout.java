package io.wkforge.caffe.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the graph with Eclipse ELK's layered algorithm (Sugiyama style: layers top to bottom,
 * crossings minimised, orthogonal edges), so the drawing of a 200-layer SSD is as readable as
 * that of a ResNet block without any layout code of our own.
 */
final class GraphLayout {
    /** @param x left, @param y top, in pixels */
    record Box(double x, double y, double width, double height) {}

    /** An edge's route: start, bend points, end. */
    record Route(String from, String to, List<double[]> points) {}

    record Result(Map<String, Box> boxes, List<Route> routes, double width, double height) {}

    private static volatile boolean registered;

    private GraphLayout() {}

    static Result layout(NetGraph graph, Map<String, double[]> sizes) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 28.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(20));
        root.setProperty(LayeredOptions.RANDOM_SEED, 1); // the same file always draws the same way

        Map<String, ElkNode> elk = new HashMap<>();
        for (NetGraph.Node n : graph.nodes()) {
            ElkNode node = ElkGraphUtil.createNode(root);
            double[] size = sizes.get(n.id());
            node.setDimensions(size[0], size[1]);
            node.setIdentifier(n.id());
            elk.put(n.id(), node);
        }
        List<ElkEdge> edges = new ArrayList<>();
        List<NetGraph.Edge> sourceEdges = new ArrayList<>();
        for (NetGraph.Edge e : graph.edges()) {
            ElkNode from = elk.get(e.from());
            ElkNode to = elk.get(e.to());
            if (from == null || to == null || from == to) continue;
            edges.add(ElkGraphUtil.createSimpleEdge(from, to));
            sourceEdges.add(e);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> boxes = new HashMap<>();
        elk.forEach((id, n) -> boxes.put(id, new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection s : edges.get(i).getSections()) {
                points.add(new double[] {s.getStartX(), s.getStartY()});
                for (ElkBendPoint b : s.getBendPoints()) points.add(new double[] {b.getX(), b.getY()});
                points.add(new double[] {s.getEndX(), s.getEndY()});
            }
            routes.add(new Route(sourceEdges.get(i).from(), sourceEdges.get(i).to(), points));
        }
        return new Result(boxes, routes, root.getWidth(), root.getHeight());
    }

    private static synchronized void register() {
        if (registered) return;
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        registered = true;
    }
}
