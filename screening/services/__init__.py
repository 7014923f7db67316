"""Use cases. The only code that opens a database session or checks a permission."""
