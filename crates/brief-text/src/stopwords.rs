//! English stop words: function words that carry no topic. Written for this project; sorted so
//! lookup is a binary search.

const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "almost", "also", "although",
    "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as",
    "at", "be", "became", "because", "become", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down",
    "during", "each", "either", "else", "enough", "etc", "even", "ever", "every", "few", "for",
    "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "least", "less", "let", "like", "made", "make", "many", "may",
    "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor", "not",
    "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "ought",
    "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "quite", "rather", "s",
    "said", "same", "says", "shall", "she", "should", "since", "so", "some", "still", "such",
    "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
    "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward",
    "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were",
    "what", "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    "yourself", "yourselves",
];

/// True for a lowercase word that carries no topic.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_unique() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn function_words_are_stopwords_topic_words_are_not() {
        assert!(is_stopword("the"));
        assert!(is_stopword("would"));
        assert!(!is_stopword("alliance"));
        assert!(!is_stopword("russia"));
    }
}
