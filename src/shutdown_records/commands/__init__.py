"""One click command per module; `cli.py` imports a module only when its command runs."""
