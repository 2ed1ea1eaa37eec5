# Golden values for the random-effects meta-analysis of @fracval/stats (meta-analysis.ts), from metafor.
# Run from the repository root: Rscript packages/stats/reference/meta-analysis.R
# (Debian: apt-get install r-base-core r-cran-metafor r-cran-jsonlite)
# Writes packages/stats/reference/meta-analysis.json: each data set, the R calls and the numbers, with versions.
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
num <- function(x) unname(as.numeric(x))

bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
normand <- escalc(measure = "MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
# Three sites' C-statistics of one model, pooled on the logit scale (the dashboard's case): SE by the delta method.
c3 <- c(0.612, 0.655, 0.581); se3 <- c(0.021, 0.034, 0.028)
sets <- list(
  list(name = "dat.bcg (log risk ratio)", call = "escalc('RR', ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)", yi = num(bcg$yi), sei = sqrt(num(bcg$vi))),
  list(name = "dat.normand1999 (mean difference)", call = "escalc('MD', m1i, sd1i, n1i, m2i, sd2i, n2i, data = dat.normand1999)", yi = num(normand$yi), sei = sqrt(num(normand$vi))),
  list(name = "three sites' C-statistics (logit)", call = "yi = qlogis(c(0.612, 0.655, 0.581)); sei = c(0.021, 0.034, 0.028) / (c * (1 - c))", yi = qlogis(c3), sei = se3 / (c3 * (1 - c3))),
  list(name = "homogeneous (tau^2 = 0)", call = "yi = c(0.10, 0.11, 0.09, 0.105); sei = c(0.05, 0.06, 0.055, 0.05)", yi = c(0.10, 0.11, 0.09, 0.105), sei = c(0.05, 0.06, 0.055, 0.05)),
  list(name = "two sites", call = "yi = c(0.45, 0.80); sei = c(0.10, 0.12)", yi = c(0.45, 0.80), sei = c(0.10, 0.12))
)

fits <- list()
for (d in sets) {
  for (method in c("REML", "DL")) {
    for (test in c("knha", "z")) {
      res <- rma.uni(yi = d$yi, sei = d$sei, method = method, test = test)
      pr <- predict(res)
      fits[[length(fits) + 1]] <- list(
        data = d$name, method = method, hksj = test == "knha",
        call = sprintf("rma.uni(yi, sei = sei, method = '%s', test = '%s'); predict(res)", method, test),
        estimate = num(res$b), se = num(res$se), ciLower = num(res$ci.lb), ciUpper = num(res$ci.ub),
        statistic = num(res$zval), p = num(res$pval), tau2 = num(res$tau2), i2 = num(res$I2) / 100, h2 = num(res$H2),
        q = num(res$QE), qP = num(res$QEp), weights = num(weights(res)) / 100, piLower = num(pr$pi.lb), piUpper = num(pr$pi.ub)
      )
    }
  }
}
out <- list(
  generated = format(Sys.time(), tz = "UTC"), r = R.version.string, metafor = as.character(packageVersion("metafor")),
  datasets = lapply(sets, function(d) d[c("name", "call", "yi", "sei")]), fits = fits
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "packages/stats/reference/meta-analysis.json")
cat("wrote packages/stats/reference/meta-analysis.json with", length(fits), "fits\n")
