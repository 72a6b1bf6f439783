//! The `Dataset`: every observation with interned labels and dimension tables, keyed for merging.

use super::fast_hash::FastMap;
use super::{Area, Indicator, IndicatorText, Interner, Period, PlannedValue, Sym, TargetText, UserMap};
use serde::Serialize;

/// Where an observation's confidence interval came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum IntervalSource {
    /// No interval: none published and none computable.
    None,
    /// The interval printed in the file.
    Published,
    /// Wilson score interval computed from count and denominator.
    ComputedWilson,
    /// Byars / exact Poisson interval computed from count and denominator.
    ComputedPoisson,
}

/// One observation to add: dimension ids already resolved, numbers NaN when absent.
#[derive(Clone, Debug)]
pub struct Observation {
    /// Index into `Dataset::indicators`.
    pub indicator: u32,
    /// Index into `Dataset::areas`.
    pub area: u32,
    /// Index into `Dataset::periods`.
    pub period: u32,
    /// Sex breakdown (`Persons`, `Male`, `Female`), empty when none.
    pub sex: Sym,
    /// Age breakdown (`4-5 yrs`), empty when none.
    pub age: Sym,
    /// Category type (`County & UA deprivation deciles …`), empty when none.
    pub category_type: Sym,
    /// Category within the type, empty when none.
    pub category: Sym,
    /// The value, NaN when absent or suppressed.
    pub value: f64,
    /// Lower 95% limit.
    pub lower95: f64,
    /// Upper 95% limit.
    pub upper95: f64,
    /// Lower 99.8% limit.
    pub lower998: f64,
    /// Upper 99.8% limit.
    pub upper998: f64,
    /// Count (numerator).
    pub count: f64,
    /// Denominator.
    pub denominator: f64,
    /// Value note or suppression marker as written.
    pub note: Sym,
    /// The file's own "Compared to England" label.
    pub published_england: Sym,
    /// The file's own "Compared to Region/parent" label.
    pub published_parent: Sym,
    /// The file's own "Recent Trend" label.
    pub published_trend: Sym,
    /// Where the interval came from.
    pub interval_source: IntervalSource,
    /// The area type this row gives its area (`Upper tier local authorities (4/21-3/23)`), empty when none:
    /// one area can be in several types, in several files, so the row keeps its own.
    pub area_type: Sym,
    /// The parent (code, or name when there is no code) this row gives its area, empty when none.
    pub parent: Sym,
    /// File the observation was read from.
    pub file: Sym,
    /// 1-based line of the record in that file.
    pub line: u32,
}

impl Observation {
    /// A blank observation of `indicator`, `area`, `period` read from `file` at `line`: no breakdown, every number NaN.
    pub fn blank(indicator: u32, area: u32, period: u32, file: Sym, line: u32) -> Observation {
        Observation {
            indicator,
            area,
            period,
            sex: Sym(0),
            age: Sym(0),
            category_type: Sym(0),
            category: Sym(0),
            value: f64::NAN,
            lower95: f64::NAN,
            upper95: f64::NAN,
            lower998: f64::NAN,
            upper998: f64::NAN,
            count: f64::NAN,
            denominator: f64::NAN,
            note: Sym(0),
            published_england: Sym(0),
            published_parent: Sym(0),
            published_trend: Sym(0),
            interval_source: IntervalSource::None,
            area_type: Sym(0),
            parent: Sym(0),
            file,
            line,
        }
    }
}

/// What happened when an observation was added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PushOutcome {
    /// A new observation.
    Added,
    /// It replaced an earlier observation with the same key (the later file wins).
    Replaced {
        /// File of the replaced observation.
        file: Sym,
        /// Line of the replaced observation.
        line: u32,
    },
}

/// An observation's group: indicator, period and breakdown (rows of one group come together in files).
type GroupKey = (u32, u32, Sym, Sym, Sym, Sym);

/// All observations loaded so far, with the dimension tables they refer to (storage is private so it can change).
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Interned labels (breakdowns, notes, published labels, file names).
    pub strings: Interner,
    /// Indicator table.
    pub indicators: Vec<Indicator>,
    /// Area table.
    pub areas: Vec<Area>,
    /// Period table (in order of first appearance; sort with `Period`'s `Ord`).
    pub periods: Vec<Period>,
    /// Targets as written, per indicator, (area) and period; the latest file wins per key.
    pub targets: Vec<TargetText>,
    /// Planned trajectory values, per indicator, area and period; the latest file wins per key.
    pub plans: Vec<PlannedValue>,
    /// Free-text indicator metadata (numerator / denominator definitions, source, frequency).
    pub indicator_texts: Vec<IndicatorText>,
    /// A HexJSON map the user dropped (the latest wins); the map view prefers it to the built-in one.
    pub user_map: Option<UserMap>,
    columns: Vec<Observation>,
    area_name_index: FastMap<String, u32>,
    target_index: FastMap<(u32, Option<u32>, u32), usize>,
    plan_index: FastMap<(u32, u32, u32), usize>,
    indicator_text_index: FastMap<(u32, String), usize>,
    indicator_index: FastMap<String, u32>,
    area_index: FastMap<String, u32>,
    period_index: FastMap<String, u32>,
    /// Observation key index in two levels, group then area: consecutive rows share a group, so the
    /// area lookup stays in a small map in cache (one flat map of a million keys misses on every row).
    group_index: FastMap<GroupKey, u32>,
    group_rows: Vec<FastMap<u32, u32>>,
    last_group: Option<(GroupKey, u32)>,
}

/// A read-only view of one stored observation.
pub type ObservationRow<'a> = &'a Observation;

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Dataset {
        Dataset::default()
    }

    /// Number of observations.
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    /// True when there are no observations.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The id of an indicator, adding it (or filling in metadata it lacked) when new.
    pub fn indicator_id(&mut self, indicator: Indicator) -> u32 {
        if let Some(&id) = self.indicator_index.get(indicator.key()) {
            let known = &mut self.indicators[id as usize];
            if known.value_type == super::ValueType::Unknown {
                known.value_type = indicator.value_type;
            }
            if known.multiplier.is_nan() {
                known.multiplier = indicator.multiplier;
            }
            if known.polarity == super::Polarity::Unknown {
                known.polarity = indicator.polarity;
            }
            if known.unit.is_empty() {
                known.unit = indicator.unit;
            }
            return id;
        }
        let id = self.indicators.len() as u32;
        self.indicator_index.insert(indicator.key().to_owned(), id);
        self.indicators.push(indicator);
        id
    }

    /// The id of an area, adding it when new (a code fills in a name-only match later).
    pub fn area_id(&mut self, area: Area) -> u32 {
        if let Some(&id) = self.area_index.get(area.key()) {
            let known = &mut self.areas[id as usize];
            if known.parent_code.is_empty() && !area.parent_code.is_empty() {
                known.parent_code = area.parent_code;
                known.parent_name = area.parent_name;
            }
            if known.area_type.is_empty() {
                known.area_type = area.area_type;
            }
            return id;
        }
        let id = self.areas.len() as u32;
        self.area_index.insert(area.key().to_owned(), id);
        if !area.name.is_empty() {
            self.area_name_index.entry(area.name.to_lowercase()).or_insert(id);
        }
        self.areas.push(area);
        id
    }

    /// The id of an area by code or name, if loaded.
    pub fn find_area(&self, key: &str) -> Option<u32> {
        self.area_index.get(key).copied()
    }

    /// The id of an area by name (ignoring case), if loaded; finds the code of a name-only area.
    pub fn find_area_by_name(&self, name: &str) -> Option<u32> {
        self.area_name_index.get(&name.trim().to_lowercase()).copied()
    }

    /// Adds a target; one for the same indicator, area and period replaces the earlier (returned).
    pub fn push_target(&mut self, target: TargetText) -> Option<TargetText> {
        let key = (target.indicator, target.area, target.period);
        match self.target_index.get(&key) {
            Some(&i) => Some(std::mem::replace(&mut self.targets[i], target)),
            None => {
                self.target_index.insert(key, self.targets.len());
                self.targets.push(target);
                None
            }
        }
    }

    /// Adds a planned value; one for the same indicator, area and period replaces the earlier (returned).
    pub fn push_plan(&mut self, plan: PlannedValue) -> Option<PlannedValue> {
        let key = (plan.indicator, plan.area, plan.period);
        match self.plan_index.get(&key) {
            Some(&i) => Some(std::mem::replace(&mut self.plans[i], plan)),
            None => {
                self.plan_index.insert(key, self.plans.len());
                self.plans.push(plan);
                None
            }
        }
    }

    /// Sets a free-text field of an indicator (a later file's text replaces an earlier one).
    pub fn set_indicator_text(&mut self, text: IndicatorText) {
        let key = (text.indicator, text.field.clone());
        match self.indicator_text_index.get(&key) {
            Some(&i) => self.indicator_texts[i] = text,
            None => {
                self.indicator_text_index.insert(key, self.indicator_texts.len());
                self.indicator_texts.push(text);
            }
        }
    }

    /// The id of an indicator by id or name, if loaded.
    pub fn find_indicator(&self, key: &str) -> Option<u32> {
        self.indicator_index.get(key).copied()
    }

    /// The id of a period, adding it when new (periods are identified by their label).
    pub fn period_id(&mut self, period: Period) -> u32 {
        if let Some(&id) = self.period_index.get(&period.label) {
            return id;
        }
        let id = self.periods.len() as u32;
        self.period_index.insert(period.label.clone(), id);
        self.periods.push(period);
        id
    }

    /// Adds an observation; one with the same indicator, area, period and breakdown replaces the earlier.
    pub fn push(&mut self, observation: Observation) -> PushOutcome {
        let group = (observation.indicator, observation.period, observation.sex, observation.age, observation.category_type, observation.category);
        let id = match self.last_group {
            Some((last, id)) if last == group => id,
            _ => {
                let next = self.group_rows.len() as u32;
                let id = *self.group_index.entry(group).or_insert(next);
                if id == next {
                    self.group_rows.push(FastMap::default());
                }
                self.last_group = Some((group, id));
                id
            }
        };
        let rows = &mut self.group_rows[id as usize];
        if let Some(&row) = rows.get(&observation.area) {
            let old = std::mem::replace(&mut self.columns[row as usize], observation);
            return PushOutcome::Replaced { file: old.file, line: old.line };
        }
        rows.insert(observation.area, self.columns.len() as u32);
        self.columns.push(observation);
        PushOutcome::Added
    }

    /// Makes room for `rows` more observations at once (a streamed file's size says how many to expect).
    pub fn reserve(&mut self, rows: usize) {
        self.columns.reserve(rows);
    }

    /// The observation at `row`.
    pub fn row(&self, row: usize) -> ObservationRow<'_> {
        &self.columns[row]
    }

    /// Every observation in load order.
    pub fn rows(&self) -> impl Iterator<Item = ObservationRow<'_>> {
        self.columns.iter()
    }

    /// Mutable access to the observations, for analyses that fill computed intervals.
    pub fn rows_mut(&mut self) -> impl Iterator<Item = &mut Observation> {
        self.columns.iter_mut()
    }

    /// The text of an interned label.
    pub fn text(&self, sym: Sym) -> &str {
        self.strings.resolve(sym)
    }
}
