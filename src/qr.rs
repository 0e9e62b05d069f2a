//! A URL as a QR code for a terminal: two modules per character cell (the
//! upper and lower half blocks), so that an authorization URL fits in 80
//! columns and a phone's camera can read it off the screen.

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};

/// The widest code printed, in columns.
pub const MAX_COLUMNS: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    #[error("the text is too long for a QR code")]
    TooLong,
    #[error("a QR code of this text is {columns} columns wide, more than {MAX_COLUMNS}")]
    TooWide { columns: usize },
}

/// The lines of a QR code of `text`. Light modules (and the quiet zone) are
/// drawn with ink and dark modules left blank, which reads right on the
/// usual light-on-dark terminal; with `colors`, each line also sets white
/// ink on black so it reads right on any terminal.
pub fn terminal_lines(text: &str, colors: bool) -> Result<Vec<String>, QrError> {
    // Level L keeps the code smallest; a screen is not a scratched label.
    let code =
        QrCode::with_error_correction_level(text, EcLevel::L).map_err(|_| QrError::TooLong)?;
    let image = code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .quiet_zone(true)
        .build();
    let lines: Vec<String> = image.lines().map(str::to_string).collect();
    let columns = lines.first().map_or(0, |l| l.chars().count());
    if columns > MAX_COLUMNS {
        return Err(QrError::TooWide { columns });
    }
    Ok(if colors {
        lines
            .into_iter()
            .map(|l| format!("\x1b[97;40m{l}\x1b[0m"))
            .collect()
    } else {
        lines
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_authorization_url_fits_in_80_columns() {
        let url = format!(
            "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm?app_id=2021000000000000&scope=auth_user%2Cauth_base&redirect_uri=https%3A%2F%2Fshop.example.com%2Falipay%2Fcallback%3Fnext%3D%252Faccount&state={}",
            "a".repeat(43)
        );
        let lines = terminal_lines(&url, false).unwrap();
        let width = lines[0].chars().count();
        assert!(width <= MAX_COLUMNS, "{width}");
        assert!(lines.iter().all(|l| l.chars().count() == width));
        // Two modules per line: about half as many lines as columns.
        assert!(lines.len() <= width / 2 + 1, "{}", lines.len());
        // The quiet zone is drawn: the first line is all ink.
        assert!(lines[0].chars().all(|c| c == '█'), "{}", lines[0]);
        assert!(matches!(
            terminal_lines(&"x".repeat(1200), false),
            Err(QrError::TooWide { .. })
        ));
        assert!(terminal_lines(&"x".repeat(8000), false).is_err());
        assert!(terminal_lines("x", true).unwrap()[0].starts_with("\x1b[97;40m"));
    }
}
