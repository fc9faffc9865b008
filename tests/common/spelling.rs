//! UK spellings and usages a US reader notices, for the tests that keep what users read in US English.

/// UK spellings and usages a US reader notices. Matched as whole words, case-insensitively.
pub const UK_WORDS: &[&str] = &[
    "licence",
    "licences",
    "practise",
    "practised",
    "practises",
    "practising",
    "organisation",
    "organisations",
    "organise",
    "organised",
    "organising",
    "disorganised",
    "judgement",
    "judgemental",
    "apologise",
    "apologised",
    "apologising",
    "prioritise",
    "prioritised",
    "prioritising",
    "authorise",
    "authorised",
    "behaviour",
    "behaviours",
    "behavioural",
    "programme",
    "programmes",
    "paediatric",
    "paediatrics",
    "orthopaedic",
    "orthopaedics",
    "centre",
    "centres",
    "jewellery",
    "tyres",
    "favour",
    "favourite",
    "labelled",
    "labelling",
    "neighbour",
    "neighbours",
    "carers",
    "queue",
    "criticise",
    "criticising",
    "memorised",
    "realise",
    "realised",
    "recognise",
    "recognised",
    "recognising",
    "sanitiser",
    "specialise",
    "stabilise",
    "colour",
    "honour",
    "analyse",
    "emphasise",
    "minimise",
    "summarise",
    "utilise",
    "mum",
    "starters",
    "whilst",
    "enquire",
    "enquiry",
];

/// UK phrases, matched as substrings of the lowercased text.
/// "Lift" for elevator is caught in the phrases where it was used; a mechanical lift is US usage too.
pub const UK_PHRASES: &[&str] = &[
    "sit the ",
    "sitting the ",
    "the post ",
    "in the lift",
    "into lifts",
    ", lifts and",
    "new starters",
];

/// The UK words and phrases in `text`, lowercased, in order.
pub fn uk_hits(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut hits: Vec<String> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| UK_WORDS.contains(w))
        .map(str::to_string)
        .collect();
    hits.extend(
        UK_PHRASES
            .iter()
            .filter(|p| lower.contains(*p))
            .map(|p| p.trim().to_string()),
    );
    hits
}
