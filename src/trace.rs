//! Progress and tracing from the core, without the core printing anything:
//! the edge decides where lines go (stderr at `-v`, the demo's narrative).

/// Receives trace lines: level 1 for steps (`-v`), level 2 for the HTTP
/// exchange (`-vv`). Lines never carry unmasked secrets.
pub trait Tracer: Sync {
    fn trace(&self, level: u8, line: &str);
}

/// Discards every line.
pub struct Silent;

impl Tracer for Silent {
    fn trace(&self, _level: u8, _line: &str) {}
}
