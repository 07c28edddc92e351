# The independent computation MatchedPairStatisticsTest is pinned to (R 4.2.2, stats package).
# Run: Rscript matched-pairs.R > matched-pairs.Rout. Scores are SWEMWBS metric hundredths / 100.
options(digits = 15)
b12 <- c(1798, 1859, 1688, 2073, 1925, 1743, 1998, 1636, 2154, 1859, 1798, 1925) / 100
f12 <- c(2073, 1859, 1925, 2154, 1798, 2073, 2235, 1743, 2073, 2154, 2073, 2235) / 100
b40 <- c(1998, 1688, 2321, 1636, 2602, 1333, 2503, 1743, 1532, 2235, 1859, 1743, 951, 1998, 1743, 1998, 1925, 1636, 1333, 2154, 2073, 1240, 1859, 1925, 2411, 2503, 1408, 1333, 1798, 1125, 1998, 2235, 2235, 1584, 2073, 2503, 1688, 1333, 2602, 1743) / 100
f40 <- c(2154, 1925, 2602, 1333, 3500, 1688, 2235, 1688, 1240, 2503, 1636, 1743, 1475, 1859, 1408, 2073, 1859, 1584, 1688, 2703, 2602, 951, 951, 2235, 2931, 2321, 1532, 2813, 1636, 1408, 2235, 2602, 2411, 1743, 1925, 2931, 2154, 1584, 3070, 1925) / 100
b10 <- c(1584, 1798, 2073, 1688, 1925, 2235, 1475, 1859, 2154, 1743) / 100
f10 <- c(1859, 1743, 2411, 1998, 2321, 2154, 1688, 2503, 2321, 1925) / 100
show <- function(name, f, b, exact) {
  d <- f - b
  tt <- t.test(f, b, paired = TRUE)
  w <- suppressWarnings(wilcox.test(f, b, paired = TRUE, exact = exact, correct = TRUE))
  cat("==", name, "n =", length(d), "zeros =", sum(d == 0), "\n")
  cat("mean(b) sd(b)", format(mean(b), digits = 15), format(sd(b), digits = 15), "\n")
  cat("mean(f) sd(f)", format(mean(f), digits = 15), format(sd(f), digits = 15), "\n")
  cat("mean(d) sd(d)", format(mean(d), digits = 15), format(sd(d), digits = 15), "\n")
  cat("dz", format(mean(d) / sd(d), digits = 15), "\n")
  cat("t df p", format(unname(tt$statistic), digits = 15), unname(tt$parameter), format(tt$p.value, digits = 15), "\n")
  cat("ci", format(tt$conf.int[1], digits = 15), format(tt$conf.int[2], digits = 15), "\n")
  cat("wilcox method:", w$method, "\n")
  cat("V p", format(unname(w$statistic), digits = 15), format(w$p.value, digits = 15), "\n")
}
show("n12", f12, b12, FALSE)
show("n40", f40, b40, FALSE)
show("n10", f10, b10, TRUE)
