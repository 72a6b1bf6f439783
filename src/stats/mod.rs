//! Statistical methods of the English public-health indicators (PHEindicatormethods), as pure functions.
