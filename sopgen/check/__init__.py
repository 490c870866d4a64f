"""Check: the rules of the format over a loaded document.

Takes ``model.Project`` / ``model.Procedure`` (with their source maps); gives
``errors.Diagnostic`` lists (errors and lints), located at the YAML that causes them.
Never raises for bad data and never changes the model.
"""

from sopgen.check.document import check_project
from sopgen.check.names import check_output_names
from sopgen.check.procedure import check_procedure

__all__ = ["check_output_names", "check_procedure", "check_project"]
