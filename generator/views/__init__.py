"""Read-only derivations of the model, shared by pages, exports and the CLI: an account's
whole-customer view, the dashboard's numbers, attribution strings, quote exports and
filters, who is behind an insight's evidence. Nothing here renders HTML or reads files.
"""
