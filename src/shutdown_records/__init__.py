"""shutdown-records: cited, validated YAML records of internet shutdowns and platform blocks.

The library does what the CLI does: `shutdown_records.model.Incident` is the record,
`shutdown_records.validate`, `.build`, `.export`, `.report` hold each stage.
"""

__version__ = "0.1.0"
