# Golden values for the stored curves of @fracval/stats (curves.ts): the ROC curve (pROC) and the flexible
# calibration curve with ICI / E50 / E90 (Austin, Harrell & van Klaveren 2020; rms::rcs + survival).
# Run from the repository root: Rscript packages/stats/reference/curves.R
# (Debian: apt-get install r-base-core r-cran-survival r-cran-proc r-cran-rms r-cran-jsonlite)
# Writes packages/stats/reference/curves.json: each data set (so the tests use the very same numbers), the
# R calls and the results, with package versions.
suppressPackageStartupMessages({ library(survival); library(pROC); library(rms); library(jsonlite) })
num <- function(x) unname(as.numeric(x))

# 1. survival::lung, a risk by one year from a deliberately rough formula (over-predicting at the top).
lung2 <- na.omit(lung[, c("time", "status", "age", "sex", "ph.ecog")])
lungSet <- list(
  name = "survival::lung, risk = plogis(-1.2 + 0.04 (age - 60) - 0.5 (sex - 1) + 0.6 ph.ecog), horizon 365",
  time = num(lung2$time), event = num(lung2$status == 2),
  # Rounded so that the JSON copy holds exactly the numbers R used (ties stay ties).
  risk = round(num(plogis(-1.2 + 0.04 * (lung2$age - 60) - 0.5 * (lung2$sex - 1) + 0.6 * lung2$ph.ecog)), 12),
  horizon = 365
)
# 2. Simulated: a true Weibull model; predictions 1.5-fold too high in odds (miscalibrated), ties in time.
set.seed(20261130)
n <- 600
lp <- rnorm(n)
true <- round(rweibull(n, shape = 1.3, scale = 3000 * exp(-0.7 * lp)))
cens <- round(runif(n, 400, 4000))
simTime <- pmax(1, pmin(true, cens)); simEvent <- as.numeric(true <= cens)
trueRisk <- 1 - exp(-(1826 / (3000 * exp(-0.7 * lp)))^1.3)
simSet <- list(
  name = "simulated Weibull, n = 600, predictions with odds x 1.5, horizon 1826",
  time = num(simTime), event = simEvent, risk = round(num(plogis(qlogis(trueRisk) + log(1.5))), 12), horizon = 1826
)

results <- lapply(list(lungSet, simSet), function(d) {
  h <- d$horizon
  # ROC on the complete-case labels at the horizon: case = event by h, control = event-free past h.
  included <- !(d$time <= h & d$event == 0)
  label <- as.numeric(d$time <= h & d$event == 1)[included]
  score <- d$risk[included]
  r <- roc(label, score, direction = "<", quiet = TRUE)
  co <- coords(r, "all", ret = c("threshold", "specificity", "sensitivity"), transpose = FALSE)
  # Flexible calibration: Cox on rcs(log(-log(1 - risk)), 3), observed = 1 - S(h | x).
  x <- log(-log(1 - d$risk))
  basis <- rcs(x, 3)
  knots <- attr(basis, "parms")
  spline <- num(basis[, 2])
  fit <- coxph(Surv(d$time, d$event) ~ x + spline)
  observedAt <- function(xs) {
    nd <- data.frame(x = xs, spline = num(rcspline.eval(xs, knots = knots, inclx = FALSE, norm = 2)))
    1 - num(summary(survfit(fit, newdata = nd), times = h)$surv)
  }
  obs <- observedAt(x)
  diffs <- abs(obs - d$risk)
  grid <- seq(quantile(d$risk, 0.01), quantile(d$risk, 0.99), length.out = 50)
  list(
    data = d$name,
    rocCall = "coords(roc(label, risk, direction = '<'), 'all') on complete-case labels at the horizon",
    roc = list(cases = sum(label), controls = sum(1 - label),
               fpr = num(1 - co$specificity), tpr = num(co$sensitivity)),
    calibrationCall = "coxph(Surv(time, event) ~ rcs(log(-log(1 - risk)), 3)); 1 - summary(survfit(fit, newdata), times = h)$surv",
    knots = num(knots), spline = spline[1:10], coef = num(coef(fit)),
    ici = mean(diffs), e50 = num(median(diffs)), e90 = num(quantile(diffs, 0.9)),
    curve = list(predicted = num(grid), observed = observedAt(log(-log(1 - grid))))
  )
})
out <- list(
  generated = format(Sys.time(), tz = "UTC"), r = R.version.string,
  survival = as.character(packageVersion("survival")), pROC = as.character(packageVersion("pROC")),
  rms = as.character(packageVersion("rms")),
  datasets = list(lungSet, simSet), results = results
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "packages/stats/reference/curves.json")
cat("wrote packages/stats/reference/curves.json\n")
