// Reads a GraphML file with graphology (as Sigma.js and Retina users do) and prints its order and size as
// JSON; a duplicate edge id or any other error exits 1 with graphology's message.
const fs = require("fs");
const {MultiDirectedGraph} = require("graphology");
const graphml = require("graphology-graphml");

const graph = graphml.parse(MultiDirectedGraph, fs.readFileSync(process.argv[2], "utf-8"));
const labels = graph.mapNodes((node, attributes) => attributes.label);
console.log(JSON.stringify({nodes: graph.order, edges: graph.size, labels}));
