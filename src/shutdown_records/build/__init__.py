"""Build a draft record from news articles: load -> extract (per source) -> merge -> record."""
