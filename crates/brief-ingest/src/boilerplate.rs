//! Finds paragraphs that are about the page or the author rather than the subject: author bios
//! at the end, share and subscribe prompts anywhere. They stay in the model (their spans are
//! real) but are flagged so analysis never quotes them.

use std::sync::LazyLock;

use regex::Regex;

/// Cues of an author bio. The first is strong on its own; the others count when two meet.
static BIO_STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}(?:writer|journalist|reporter|correspondent|editor|columnist|contributor|freelancer|author|fellow|blogger|producer)\b",
    )
    .expect("valid regex")
});
static BIO_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)whose (?:work|writing|articles?) (?:has|have) appeared|\bfollow (?:him|her|them|me) on\b|\btwitter\b|\blinkedin\b|\bholds an? (?:master|ph\.?d|bachelor|degree|doctorate)|\bis the author of\b|(?:^|\s)@\w{2,}|\bcan be reached at\b|\bemail (?:him|her|them)\b",
    )
    .expect("valid regex")
});
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:advertisement|sponsored content|read more\b|related:|related articles?|share (?:this|on)\b|sign up\b|subscribe\b|click here\b|follow us\b|copyright\b|©|all rights reserved|this article (?:was|is) (?:originally|first) published|recommended for you)",
    )
    .expect("valid regex")
});

/// Bios and share prompts are short; anything longer is article text, whatever it mentions.
const MAX_BIO_WORDS: usize = 80;
const MAX_FURNITURE_WORDS: usize = 25;

/// Why a paragraph is boilerplate, if it is. `from_end` is 0 for the last paragraph and
/// `paragraphs` is how many the article has: a one-paragraph article is never a bio.
pub fn classify(text: &str, from_end: usize, paragraphs: usize) -> Option<&'static str> {
    let words = text.split_whitespace().take(MAX_BIO_WORDS + 1).count();
    if words <= MAX_FURNITURE_WORDS && FURNITURE.is_match(text) {
        return Some("site furniture");
    }
    if from_end <= 2 && paragraphs > 1 && words <= MAX_BIO_WORDS {
        let weak = BIO_WEAK.find_iter(text).count();
        if (BIO_STRONG.is_match(text) && weak >= 1) || weak >= 2 {
            return Some("author bio");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_bio_is_found() {
        let bio = "Dana Ortiz is a security writer whose work has appeared in several magazines. Follow her on Twitter.";
        assert_eq!(classify(bio, 0, 9), Some("author bio"));
    }

    #[test]
    fn bio_like_sentence_mid_article_is_not_boilerplate() {
        let body = "Ortiz is a former reporter who now advises the ministry on security.";
        assert_eq!(classify(body, 0, 9), None);
        assert_eq!(
            classify("She follows him on Twitter and LinkedIn, she said.", 9, 12),
            None
        );
    }

    #[test]
    fn share_prompts_are_furniture() {
        assert_eq!(
            classify("Sign up for our daily newsletter", 5, 9),
            Some("site furniture")
        );
        assert_eq!(classify("Subscribers said prices rose.", 5, 9), None);
    }

    #[test]
    fn one_paragraph_article_mentioning_twitter_is_not_a_bio() {
        // regression: whole single-paragraph news articles were dropped as "author bio"
        let article = "The minister posted on Twitter that talks would resume. Critics on Twitter and LinkedIn disagreed. @handle replied.";
        assert_eq!(classify(article, 0, 1), None);
    }
}
