"""Package discovery (the rest of the configuration is in pyproject.toml).

Every folder under sopgen/ is found automatically, data folders (fonts, scaffold) as
namespace packages; the handbook's templates live at the top level (templates/, as the
client asked) and travel inside the package as sopgen/templates.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=find_namespace_packages(include=["sopgen", "sopgen.*"])
    + ["sopgen.templates", "sopgen.templates.assets"],
    package_dir={"sopgen.templates": "templates"},
)
