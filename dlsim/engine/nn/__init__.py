"""The network: layer registry, layers, named functions, optimizers, graph spec, network."""
