//! String interning: each distinct label is stored once and referred to by a `Sym`.

use super::fast_hash::FastMap;

/// Index of an interned string; `Sym(0)` is always the empty string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
pub struct Sym(pub u32);

/// A table of distinct strings, so a million rows of repeated labels stay small.
#[derive(Clone, Debug)]
pub struct Interner {
    strings: Vec<String>,
    index: FastMap<String, Sym>,
}

impl Default for Interner {
    fn default() -> Self {
        let mut interner = Interner { strings: Vec::new(), index: FastMap::default() };
        interner.intern("");
        interner
    }
}

impl Interner {
    /// Returns the symbol for `text`, adding it if it is new.
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(sym) = self.index.get(text) {
            return *sym;
        }
        let sym = Sym(self.strings.len() as u32);
        self.strings.push(text.to_owned());
        self.index.insert(text.to_owned(), sym);
        sym
    }

    /// Looks a string up without adding it.
    pub fn get(&self, text: &str) -> Option<Sym> {
        self.index.get(text).copied()
    }

    /// The text of a symbol (empty for an unknown symbol).
    pub fn resolve(&self, sym: Sym) -> &str {
        self.strings.get(sym.0 as usize).map(String::as_str).unwrap_or("")
    }

    /// Number of distinct strings held, the empty string included.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// True when only the empty string is held.
    pub fn is_empty(&self) -> bool {
        self.strings.len() <= 1
    }
}
