"""Storage backends, one module each, registered by name with kg.store.register_backend:

    memory    kg.stores.memory    rdflib in-memory Dataset
    oxigraph  kg.stores.oxigraph  embedded Oxigraph (pyoxigraph) in a directory: the default
    sparql    kg.stores.sparql    a remote SPARQL 1.1 endpoint over HTTP (reference: `oxigraph serve`)

Modules are imported on first use by kg.store, so opening a memory store never loads pyoxigraph and vice versa.
`_oxterms` holds what the two Oxigraph-speaking backends share (term conversion, the atomic replace update text).
"""
