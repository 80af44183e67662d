"""The embeddable chat widget: JavaScript sources in src/, built into dist/; served by `widget.server`."""
