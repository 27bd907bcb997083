"""The journal's Jinja2 templates and page assets, shipped as the package generator.templates
(see generator/resources.py). Not Python: this file only makes the folder a package."""
