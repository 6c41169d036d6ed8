"""The Streamlit UI of policykg: one module per page, each a thin renderer over a data function.

Layout (Datasette's rule: every page is also data):
    ui/pages_data/<page>.py   plain functions that take a Store (and plain arguments) and return JSON-able values;
                              tests call them directly, the renderers only lay them out
    ui/data.py                the public list of those functions (`__all__`, tested complete)
    ui/<page>.py              `render(ctx)`: widgets + layout for one page (问答, 责任图谱, 任务台账, 版本比对, 文档)
    ui/shell.py               navigation, the sidebar (as-of date, document), one store per rerun, the error boundary
    ui/html.py                escaping and the few HTML fragments the pages share
`app.py` at the top level only calls `ui.shell.main()`.
"""
