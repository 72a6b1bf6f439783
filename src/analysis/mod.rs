//! Analyses composed from the statistics: benchmark comparisons, trends, targets, prevalence.
