# Golden values for the competing-risks functions of @fracval/stats (competing-risks.ts), on real data
# shipped with R packages. Run from the repository root: Rscript packages/stats/reference/competing-risks.R
# (Debian: apt-get install r-base-core r-cran-survival r-cran-cmprsk r-cran-riskregression r-cran-jsonlite)
# Writes packages/stats/reference/competing-risks.json: the data, the R calls and the numbers, with versions.
suppressPackageStartupMessages({ library(survival); library(cmprsk); library(riskRegression); library(prodlim); library(jsonlite) })
num <- function(x) unname(as.numeric(x))

# mgus2 (survival): progression to plasma-cell malignancy (1) vs death first (2), months.
m <- survival::mgus2
m <- m[!is.na(m$hgb) & !is.na(m$creat), ]
mgus <- list(
  name = "mgus2", time = ifelse(m$pstat == 1, m$ptime, m$futime), status = ifelse(m$pstat == 1, 1, 2 * m$death),
  group = as.character(m$sex), score = m$age / 100, score2 = plogis((-m$hgb + 13) / 2),
  times = c(60, 120, 240), horizon = 120,
  call = "mgus2 without missing hgb/creat; time = ptime if pstat else futime; status = 1 progression, 2 death, 0 censored"
)
# Melanoma (riskRegression): death from melanoma (1) vs other causes (2), days.
data(Melanoma, package = "riskRegression")
mel <- list(
  name = "Melanoma", time = Melanoma$time, status = Melanoma$status, group = as.character(Melanoma$ulcer),
  score = plogis((Melanoma$thick - 3) / 2), score2 = plogis((Melanoma$age - 50) / 15),
  times = c(1000, 1826, 3000), horizon = 1826,
  call = "riskRegression::Melanoma; status 1 melanoma death, 2 other death"
)

golden <- function(d) {
  ci <- cuminc(d$time, d$status)
  tp <- timepoints(ci, d$times)
  byGroup <- cuminc(d$time, d$status, d$group)
  tpg <- timepoints(byGroup, d$times)
  tests <- byGroup$Tests
  df <- data.frame(time = d$time, status = d$status, s1 = d$score, s2 = d$score2)
  sc <- Score(list(s1 = df$s1, s2 = df$s2), Hist(time, status) ~ 1, data = df, cause = 1, times = d$times,
              metrics = c("auc", "brier"), cens.model = "km", null.model = TRUE, se.fit = TRUE, contrasts = TRUE, summary = "ipa")
  auc <- as.data.frame(sc$AUC$score)
  aucd <- as.data.frame(sc$AUC$contrasts)
  br <- as.data.frame(sc$Brier$score)
  list(
    name = d$name, call = d$call, time = d$time, status = d$status, group = d$group, score = d$score, score2 = d$score2,
    times = d$times, horizon = d$horizon,
    cuminc = list(times = d$times, est = num(tp$est["1 1", ]), var = num(tp$var["1 1", ]),
                  competingEst = num(tp$est["1 2", ])),
    cumincByGroup = lapply(sort(unique(d$group)), function(g) list(group = g, est = num(tpg$est[paste(g, 1), ]), var = num(tpg$var[paste(g, 1), ]))),
    gray = list(cause1 = list(stat = num(tests["1", "stat"]), p = num(tests["1", "pv"]), df = num(tests["1", "df"])),
                cause2 = list(stat = num(tests["2", "stat"]), p = num(tests["2", "pv"]), df = num(tests["2", "df"]))),
    auc = lapply(seq_len(nrow(auc)), function(i) list(model = as.character(auc$model[i]), time = num(auc$times[i]), estimate = num(auc$AUC[i]), se = num(auc$se[i]))),
    aucDiff = lapply(seq_len(nrow(aucd)), function(i) list(model = as.character(aucd$model[i]), reference = as.character(aucd$reference[i]), time = num(aucd$times[i]), delta = num(aucd$delta.AUC[i]), se = num(aucd$se[i]), p = num(aucd$p[i]))),
    brier = lapply(seq_len(nrow(br)), function(i) list(model = as.character(br$model[i]), time = num(br$times[i]), brier = num(br$Brier[i]), ipa = num(br$IPA[i])))
  )
}

out <- list(
  generated = format(Sys.time(), "%Y-%m-%d"),
  versions = list(R = R.version.string, survival = as.character(packageVersion("survival")), cmprsk = as.character(packageVersion("cmprsk")),
                  riskRegression = as.character(packageVersion("riskRegression"))),
  calls = list(cuminc = "cmprsk::cuminc(time, status[, group]) + timepoints(fit, times)",
               auc = "riskRegression::Score(list(s1, s2), Hist(time, status) ~ 1, cause = 1, times, metrics = c('auc','brier'), cens.model = 'km', null.model = TRUE, se.fit = TRUE, contrasts = TRUE, summary = 'ipa')"),
  datasets = list(golden(mgus), golden(mel))
)
writeLines(toJSON(out, digits = I(15), auto_unbox = TRUE, pretty = FALSE), file.path("packages", "stats", "reference", "competing-risks.json"))
cat("wrote packages/stats/reference/competing-risks.json\n")
