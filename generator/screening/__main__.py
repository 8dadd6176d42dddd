"""``python -m generator.screening``: makes the screening's tables and compiles its patterns into
the package's ``__pycache__`` (``make venv`` runs it after ``compileall``, as an installer compiles
bytecode), so that no build pays for them."""

from generator.screening import PREPARED_DIR, prepare

if __name__ == "__main__":
    prepare(PREPARED_DIR)
