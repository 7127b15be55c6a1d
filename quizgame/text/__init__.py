"""Text primitives: normalising for comparison, showing untrusted text literally, formatting numbers and times, writing files atomically."""
