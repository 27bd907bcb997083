"""Page families: each module turns the model into pages and declares its ``FAMILY``
(``site.cache.Family``); ``site.registry`` lists them all.
"""
