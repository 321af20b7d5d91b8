def render_html(*a, **k): raise NotImplementedError
