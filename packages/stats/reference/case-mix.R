# Golden values for the case-mix table of @fracval/stats (case-mix.ts) on survival::pbc, the four
# histologic stages standing in for four sites. Run from the repository root:
#   Rscript packages/stats/reference/case-mix.R
# (Debian: apt-get install r-base-core r-cran-survival r-cran-jsonlite)
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
d <- pbc[!is.na(pbc$stage) & !is.na(pbc$chol), ]
g <- factor(d$stage)
smdCont <- function(x) sapply(levels(g), function(l) {
  a <- x[g == l]; b <- x[g != l]; (mean(a) - mean(b)) / sqrt((var(a) + var(b)) / 2)
})
smdCat <- function(x) sapply(levels(g), function(l) {
  a <- x[g == l]; b <- x[g != l]
  s <- sapply(sort(unique(x)), function(v) {
    p1 <- mean(a == v); p0 <- mean(b == v); den <- sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2)
    if (den == 0) NA else (p1 - p0) / den
  })
  s[which.max(abs(s))]
})
byGroup <- function(x) lapply(levels(g), function(l) x[g == l])
out <- list(
  generated = format(Sys.time(), tz = "UTC"), r = R.version.string,
  survival = as.character(packageVersion("survival")),
  data = "survival::pbc with stage and chol recorded; groups = stage 1-4",
  variables = list(
    list(name = "age", kind = "continuous", groups = byGroup(d$age),
         p = oneway.test(age ~ g, data = d, var.equal = TRUE)$p.value,
         mean = unname(tapply(d$age, g, mean)), sd = unname(tapply(d$age, g, sd)),
         median = unname(tapply(d$age, g, median)), smd = unname(smdCont(d$age))),
    list(name = "chol", kind = "continuous", groups = byGroup(d$chol),
         p = oneway.test(chol ~ g, data = d, var.equal = TRUE)$p.value,
         mean = unname(tapply(d$chol, g, mean)), sd = unname(tapply(d$chol, g, sd)),
         median = unname(tapply(d$chol, g, median)), smd = unname(smdCont(d$chol))),
    list(name = "sex", kind = "categorical", groups = byGroup(as.character(d$sex)),
         p = suppressWarnings(chisq.test(table(g, d$sex))$p.value), smd = unname(smdCat(as.character(d$sex)))),
    list(name = "edema", kind = "categorical", groups = byGroup(as.character(d$edema)),
         p = suppressWarnings(chisq.test(table(g, d$edema))$p.value), smd = unname(smdCat(as.character(d$edema))))
  )
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "packages/stats/reference/case-mix.json")
cat("wrote packages/stats/reference/case-mix.json\n")
