//! The Penn Treebank tag set, as a one-byte `Copy` type so tagging stores no strings.

macro_rules! tags {
    ($($variant:ident = $name:literal,)*) => {
        /// A Penn Treebank part-of-speech tag, punctuation tags included.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Tag {
            $(
                #[doc = concat!("Penn tag \"", $name, "\".")]
                $variant,
            )*
        }

        impl Tag {
            /// Every tag, in declaration order (`Tag::ALL[t as usize] == t`).
            pub const ALL: &'static [Tag] = &[$(Tag::$variant,)*];

            /// The tag as Penn writes it (`"NN"`, `"PRP$"`, `"``"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Tag::$variant => $name,)*
                }
            }

            /// The tag Penn writes as `s`, if any.
            pub fn parse(s: &str) -> Option<Tag> {
                match s {
                    $($name => Some(Tag::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

tags! {
    Hash = "#",
    Dollar = "$",
    CloseQuote = "''",
    OpenParen = "(",
    CloseParen = ")",
    Comma = ",",
    Period = ".",
    Colon = ":",
    CC = "CC",
    CD = "CD",
    DT = "DT",
    EX = "EX",
    FW = "FW",
    IN = "IN",
    JJ = "JJ",
    JJR = "JJR",
    JJS = "JJS",
    LS = "LS",
    MD = "MD",
    NN = "NN",
    NNP = "NNP",
    NNPS = "NNPS",
    NNS = "NNS",
    PDT = "PDT",
    POS = "POS",
    PRP = "PRP",
    PRPS = "PRP$",
    RB = "RB",
    RBR = "RBR",
    RBS = "RBS",
    RP = "RP",
    SYM = "SYM",
    TO = "TO",
    UH = "UH",
    VB = "VB",
    VBD = "VBD",
    VBG = "VBG",
    VBN = "VBN",
    VBP = "VBP",
    VBZ = "VBZ",
    WDT = "WDT",
    WP = "WP",
    WPS = "WP$",
    WRB = "WRB",
    OpenQuote = "``",
}

impl Tag {
    /// Any verb form (VB, VBD, VBG, VBN, VBP, VBZ); modals (MD) are not verbs here.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// Common and proper nouns, singular and plural.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// Proper nouns (NNP, NNPS): the tagger's guess for capitalised words it does not know.
    pub fn is_proper(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// Adjectives, comparative and superlative included.
    pub fn is_adj(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// Adverbs, comparative and superlative included.
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    /// Determiners and predeterminers ("the", "all the").
    pub fn is_det(self) -> bool {
        matches!(self, Tag::DT | Tag::PDT)
    }

    /// Prepositions and subordinating conjunctions (IN). TO is not included: it is as often the
    /// infinitive marker.
    pub fn is_prep(self) -> bool {
        self == Tag::IN
    }

    /// The closed-class words a phrasal verb is built of: prepositions, "to", particles and
    /// determiners ("head *to*", "bid *on*", "take *the* lead").
    pub fn is_function_word(self) -> bool {
        matches!(self, Tag::IN | Tag::TO | Tag::RP | Tag::DT | Tag::PDT)
    }

    /// Past participle (VBN): "was *killed*", "the *wounded* soldiers".
    pub fn is_participle(self) -> bool {
        self == Tag::VBN
    }

    /// Gerund or present participle (VBG): "*killing* two", "the *shelling*".
    pub fn is_gerund(self) -> bool {
        self == Tag::VBG
    }

    /// Punctuation tags: `#`, `$`, brackets, comma, period, colon and both quote tags.
    pub fn is_punct(self) -> bool {
        (self as u8) <= Tag::Colon as u8 || self == Tag::OpenQuote
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_index() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
            assert_eq!(Tag::parse(t.as_str()), Some(*t));
        }
        assert_eq!(Tag::parse("NP"), None);
    }
}
