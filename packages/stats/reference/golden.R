# Golden values for @fracval/stats, computed by the reference implementations.
# Run from the repository root: Rscript packages/stats/reference/golden.R
# (Debian: apt-get install r-base-core r-cran-survival r-cran-proc r-cran-jsonlite)
# Writes packages/stats/reference/golden.json: the data, the R calls and the numbers, with versions.
suppressPackageStartupMessages({ library(survival); library(pROC); library(jsonlite); library(riskRegression); library(prodlim) })

out_path <- file.path("packages", "stats", "reference", "golden.json")
num <- function(x) unname(as.numeric(x))

# ---- datasets (all shipped with R packages, or tiny and hand-checkable) ----
lung_cc <- na.omit(survival::lung[, c("time", "status", "age", "sex", "ph.ecog", "wt.loss")])
datasets <- list(
  lung = list(time = lung_cc$time, event = lung_cc$status - 1,
              scores = list(age = lung_cc$age, ph_ecog = lung_cc$ph.ecog, wt_loss = lung_cc$wt.loss),
              group = ifelse(lung_cc$sex == 1, "male", "female"), tau = 500, horizons = c(180, 365), calibrate = TRUE),
  veteran = list(time = survival::veteran$time, event = survival::veteran$status,
                 scores = list(neg_karno = -survival::veteran$karno, age = survival::veteran$age,
                               diagtime = survival::veteran$diagtime),
                 group = as.character(survival::veteran$celltype), tau = 300, horizons = c(90, 180), calibrate = TRUE),
  pbc = local({
    d <- survival::pbc[1:312, ]
    list(time = d$time, event = as.numeric(d$status == 2),
         scores = list(bili = d$bili, neg_albumin = -d$albumin, age = d$age),
         group = as.character(d$stage), tau = 3000, horizons = c(1826, 3652), calibrate = TRUE)
  }),
  # survival/tests/book1.R "test1" (Therneau), the row with status NA removed
  test1 = list(time = c(9, 1, 1, 6, 6, 8), event = c(1, 1, 0, 1, 1, 0),
               scores = list(x = c(0, 1, 1, 1, 0, 0)), group = c("a", "b", "b", "b", "a", "a"),
               tau = 8, horizons = c(5)),
  # ties everywhere: in time, in score, and events tied with censorings
  ties = list(time = c(2, 2, 2, 3, 3, 5, 5, 5, 8, 8, 9, 12), event = c(1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1),
              scores = list(a = c(3, 3, 1, 2, 2, 2, 1, 3, 1, 1, 2, 1), b = c(1, 2, 2, 3, 1, 2, 2, 1, 3, 3, 1, 2)),
              group = c("g1", "g2", "g1", "g2", "g1", "g2", "g1", "g2", "g1", "g2", "g1", "g2"),
              tau = 8, horizons = c(4))
)

conc <- function(d, s, ...) {
  fit <- concordance(Surv(d$time, d$event) ~ s, reverse = TRUE, influence = 1, ...)
  list(estimate = num(fit$concordance), se = sqrt(num(fit$var)),
       concordant = num(fit$count["concordant"]), discordant = num(fit$count["discordant"]),
       tiedRisk = num(fit$count["tied.x"]), tiedTime = num(fit$count["tied.y"]), tiedBoth = num(fit$count["tied.xy"]),
       dfbeta = num(fit$dfbeta))
}

results <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  r <- list()
  r$harrell <- lapply(d$scores, function(s) { x <- conc(d, s); x$dfbeta <- NULL; x })
  r$uno <- lapply(d$scores, function(s) { x <- conc(d, s, timewt = "n/G2", ymax = d$tau); x$dfbeta <- NULL; x })
  sn <- names(d$scores)
  if (length(sn) >= 2) {
    a <- conc(d, d$scores[[sn[1]]]); b <- conc(d, d$scores[[sn[2]]])
    v <- sum((a$dfbeta - b$dfbeta)^2)
    r$harrellDiff <- list(a = sn[1], b = sn[2], estimate = a$estimate - b$estimate, se = sqrt(v),
                          p = 2 * pnorm(-abs((a$estimate - b$estimate) / sqrt(v))))
  }
  r$auroc <- list()
  for (h in d$horizons) {
    keep <- (d$event == 1 & d$time <= h) | d$time > h
    lab <- as.numeric(d$event == 1 & d$time <= h)[keep]
    if (length(unique(lab)) < 2) next
    per <- lapply(d$scores, function(s) {
      ro <- roc(lab, s[keep], direction = "<", levels = c(0, 1), quiet = TRUE)
      ci <- ci.auc(ro, method = "delong")
      list(estimate = num(auc(ro)), se = sqrt(num(var(ro, method = "delong"))), lower = num(ci[1]), upper = num(ci[3]),
           cases = sum(lab == 1), controls = sum(lab == 0))
    })
    entry <- list(horizon = h, n = sum(keep), scores = per)
    if (length(sn) >= 2) {
      r1 <- roc(lab, d$scores[[sn[1]]][keep], direction = "<", levels = c(0, 1), quiet = TRUE)
      r2 <- roc(lab, d$scores[[sn[2]]][keep], direction = "<", levels = c(0, 1), quiet = TRUE)
      tt <- roc.test(r1, r2, method = "delong", paired = TRUE)
      entry$delong <- list(a = sn[1], b = sn[2], z = num(tt$statistic), p = num(tt$p.value))
    }
    r$auroc[[length(r$auroc) + 1]] <- entry
  }
  scored <- Score(lapply(d$scores, identity), formula = Hist(time, event) ~ 1,
                  data = data.frame(time = d$time, event = d$event), metrics = "auc", cens.model = "km",
                  times = d$horizons, null.model = FALSE, contrasts = TRUE)
  sc <- as.data.frame(scored$AUC$score)
  r$timeDependentAuc <- lapply(seq_len(nrow(sc)), function(k) list(score = as.character(sc$model[k]), time = sc$times[k],
                               estimate = sc$AUC[k], se = sc$se[k], lower = sc$lower[k], upper = sc$upper[k]))
  if (length(sn) >= 2) {
    ct <- as.data.frame(scored$AUC$contrasts)
    ct <- ct[as.character(ct$model) == sn[2] & as.character(ct$reference) == sn[1], ]
    r$timeDependentAucDiff <- lapply(seq_len(nrow(ct)), function(k) list(a = sn[2], b = sn[1], time = ct$times[k],
                                     estimate = ct$delta.AUC[k], se = ct$se[k], p = ct$p[k]))
  }
  # threshold metrics and Youden at the first horizon, first score
  h1 <- d$horizons[1]
  keep <- (d$event == 1 & d$time <= h1) | d$time > h1
  lab <- as.numeric(d$event == 1 & d$time <= h1)[keep]
  s1 <- d$scores[[sn[1]]][keep]
  if (length(unique(lab)) == 2) {
    cut1 <- unname(median(s1))
    pos <- s1 >= cut1
    tp <- sum(pos & lab == 1); fp <- sum(pos & lab == 0); tn <- sum(!pos & lab == 0); fn <- sum(!pos & lab == 1)
    wil <- function(x, n) if (n == 0) NULL else num(prop.test(x, n, correct = FALSE)$conf.int)
    ro <- roc(lab, s1, direction = "<", levels = c(0, 1), quiet = TRUE)
    best <- coords(ro, "best", best.method = "youden", transpose = FALSE)
    r$thresholds <- list(score = sn[1], horizon = h1, threshold = cut1, tp = tp, fp = fp, tn = tn, fn = fn,
                         sensitivity = wil(tp, tp + fn), specificity = wil(tn, tn + fp), ppv = wil(tp, tp + fp),
                         npv = wil(tn, tn + fn), accuracy = wil(tp + tn, length(lab)),
                         youden = list(threshold = num(best$threshold[1]), sensitivity = num(best$sensitivity[1]), specificity = num(best$specificity[1])))
  }
  if (isTRUE(d$calibrate)) {
    h <- d$horizons[1]
    X <- as.data.frame(d$scores)
    cfit <- coxph(Surv(d$time, d$event) ~ ., data = X, x = TRUE)
    # deliberately miscalibrated (in-sample Cox risks would give slope 1 and O/E 1 trivially)
    risk <- pmin(pmax(1 - (1 - as.numeric(predictRisk(cfit, newdata = X, times = h)))^1.5, 1e-6), 1 - 1e-6)
    datasets[[name]]$risk <- risk
    ks <- summary(survfit(Surv(d$time, d$event) ~ 1), times = h, extend = TRUE)
    lpr <- log(-log(1 - risk))
    sfit <- coxph(Surv(d$time, d$event) ~ lpr)
    br <- unique(quantile(risk, 0:10 / 10))
    grp <- cut(risk, br, include.lowest = TRUE)
    groups <- lapply(levels(grp), function(l) {
      idx <- which(grp == l)
      if (!length(idx)) return(NULL)
      gs <- summary(survfit(Surv(d$time[idx], d$event[idx]) ~ 1), times = h, extend = TRUE)
      list(n = length(idx), events = sum(d$event[idx]), meanRisk = mean(risk[idx]), observed = 1 - gs$surv,
           lower = 1 - gs$upper, upper = 1 - gs$lower)
    })
    groups <- Filter(Negate(is.null), groups)
    sc <- Score(list(risk = risk), formula = Hist(time, event) ~ 1, data = data.frame(time = d$time, event = d$event),
                metrics = "brier", summary = "ipa", cens.model = "km", times = h, null.model = TRUE)
    bs <- as.data.frame(sc$Brier$score)
    nb <- lapply(c(0.1, 0.2, 0.3, 0.5), function(p) {
      sall <- summary(survfit(Surv(d$time, d$event) ~ 1), times = h, extend = TRUE)$surv
      pos <- risk >= p
      model <- 0
      if (any(pos)) {
        sp <- summary(survfit(Surv(d$time[pos], d$event[pos]) ~ 1), times = h, extend = TRUE)$surv
        model <- (1 - sp) * mean(pos) - sp * mean(pos) * p / (1 - p)
      }
      list(threshold = p, model = model, treatAll = (1 - sall) - sall * p / (1 - p))
    })
    r$calibration <- list(horizon = h, observed = 1 - ks$surv, expected = mean(risk), lowerS = ks$lower, upperS = ks$upper,
                          slope = num(coef(sfit)), slopeSe = num(sqrt(vcov(sfit))), groups = groups,
                          brier = bs$Brier[bs$model == "risk"], nullBrier = bs$Brier[bs$model == "Null model"],
                          ipa = bs$IPA[bs$model == "risk"], netBenefit = nb)
  }
  km <- survfit(Surv(d$time, d$event) ~ 1)
  r$km <- list(time = num(km$time), nRisk = num(km$n.risk), nEvent = num(km$n.event), nCensor = num(km$n.censor),
               survival = num(km$surv), stdErr = num(km$std.err), lower = num(km$lower), upper = num(km$upper),
               median = num(summary(km)$table["median"]))
  lr <- survdiff(Surv(d$time, d$event) ~ d$group)
  df <- length(lr$n) - 1
  r$logrank <- list(groups = sub("^d\\$group=", "", names(lr$n)), observed = num(lr$obs), expected = num(lr$exp),
                    chisq = num(lr$chisq), df = df, p = pchisq(num(lr$chisq), df, lower.tail = FALSE))
  X <- as.data.frame(d$scores)
  fit <- coxph(Surv(d$time, d$event) ~ ., data = X, ties = "efron")
  r$cox <- list(terms = I(names(d$scores)), coef = I(num(coef(fit))), se = I(num(sqrt(diag(vcov(fit))))),
                loglik = num(fit$loglik), waldChisq = num(fit$wald.test), scoreChisq = num(fit$score),
                lrChisq = num(2 * diff(fit$loglik)))
  bh <- basehaz(fit, centered = TRUE)
  bh <- bh[diff(c(0, bh$hazard)) > 0, ]  # event times only (basehaz also lists censoring-only times)
  h2 <- d$horizons[1]
  first <- X[1, , drop = FALSE]
  r$cox$baseline <- list(time = I(num(bh$time)), cumulativeHazard = I(num(bh$hazard)))
  r$cox$predictRisk <- list(time = h2, x = as.list(first), risk = 1 - summary(survfit(fit, newdata = first), times = h2, extend = TRUE)$surv)
  results[[name]] <- r
}

# ---- extras: binary calibration, classic tests, risk groups ----
data(aSAH, package = "pROC")
ya <- as.numeric(aSAH$outcome == "Poor")
pa <- fitted(glm(ya ~ age + s100b, family = binomial, data = aSAH))^0.8  # deliberately miscalibrated
la <- log(pa / (1 - pa))
g_large <- glm(ya ~ 1, offset = la, family = binomial)
g_slope <- glm(ya ~ la, family = binomial)
lung_full <- na.omit(survival::lung[, c("age", "sex", "ph.ecog", "status")])
vet <- survival::veteran
grp <- ifelse((100 - vet$karno) / 100 >= 0.5, "HIGH", ifelse(vet$age / 100 >= 0.6, "LH", "LL"))
rg_fit <- coxph(Surv(vet$time, vet$status) ~ relevel(factor(grp), ref = "LL") + vet$diagtime)
rg_lr <- survdiff(Surv(vet$time, vet$status) ~ grp)
rg_km <- lapply(c("LL", "HIGH", "LH"), function(g) {
  s <- summary(survfit(Surv(vet$time[grp == g], vet$status[grp == g]) ~ 1), times = 180, extend = TRUE)
  list(group = g, n = sum(grp == g), risk = 1 - s$surv, lower = 1 - s$upper, upper = 1 - s$lower)
})
tt_w <- t.test(lung_full$age[lung_full$sex == 1], lung_full$age[lung_full$sex == 2])
tt_s <- t.test(lung_full$age[lung_full$sex == 1], lung_full$age[lung_full$sex == 2], var.equal = TRUE)
extras <- list(
  binary = list(y = ya, p = pa, intercept = num(coef(g_large)), interceptSe = num(sqrt(vcov(g_large))),
                slope = num(coef(g_slope)[2]), slopeSe = num(sqrt(diag(vcov(g_slope)))[2]), brier = mean((ya - pa)^2)),
  tTest = list(a = lung_full$age[lung_full$sex == 1], b = lung_full$age[lung_full$sex == 2],
               welch = list(t = num(tt_w$statistic), df = num(tt_w$parameter), p = tt_w$p.value),
               student = list(t = num(tt_s$statistic), df = num(tt_s$parameter), p = tt_s$p.value)),
  chisq = list(table2x4 = unclass(table(lung_full$sex, lung_full$ph.ecog)), p2x4 = chisq.test(table(lung_full$sex, lung_full$ph.ecog))$p.value,
               chisq2x4 = num(chisq.test(table(lung_full$sex, lung_full$ph.ecog))$statistic),
               table2x2 = unclass(table(lung_full$sex, lung_full$status)), p2x2 = chisq.test(table(lung_full$sex, lung_full$status))$p.value,
               chisq2x2 = num(chisq.test(table(lung_full$sex, lung_full$status))$statistic)),
  riskGroups = list(time = vet$time, event = vet$status, bpvf = (100 - vet$karno) / 100, gpvf = vet$age / 100, diagtime = vet$diagtime,
                    group = grp, coef = num(coef(rg_fit)), se = num(sqrt(diag(vcov(rg_fit)))), terms = I(c("HIGH vs LL", "LH vs LL", "diagtime")),
                    lrChisq = num(2 * diff(rg_fit$loglik)), logrankChisq = num(rg_lr$chisq), km = rg_km)
)

golden <- list(
  generatedBy = "packages/stats/reference/golden.R",
  generatedAt = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
  versions = list(R = R.version.string, survival = as.character(packageVersion("survival")),
                  pROC = as.character(packageVersion("pROC")), riskRegression = as.character(packageVersion("riskRegression"))),
  calls = list(
    harrell = "concordance(Surv(time, event) ~ score, reverse = TRUE, influence = 1); se = sqrt(var)",
    uno = "concordance(Surv(time, event) ~ score, reverse = TRUE, timewt = 'n/G2', ymax = tau)",
    harrellDiff = "difference of two concordance() fits; var = sum((dfbeta_a - dfbeta_b)^2); p = 2*pnorm(-|z|)",
    auroc = "subset (event & time <= h) | time > h; roc(label, score, direction = '<'); ci.auc(method = 'delong'); sqrt(var(method = 'delong'))",
    delong = "roc.test(roc_a, roc_b, method = 'delong', paired = TRUE)",
    timeDependentAuc = "Score(list(scores), Hist(time, event) ~ 1, metrics = 'auc', cens.model = 'km', times = horizons)$AUC$score and $contrasts",
    km = "survfit(Surv(time, event) ~ 1); median from summary(fit)$table",
    logrank = "survdiff(Surv(time, event) ~ group); p = pchisq(chisq, k - 1, lower.tail = FALSE)",
    cox = "coxph(Surv(time, event) ~ scores..., ties = 'efron')",
    thresholds = "2x2 at score >= median(score) on the horizon subset; prop.test(x, n, correct = FALSE)$conf.int; coords(roc, 'best', best.method = 'youden')",
    calibration = "risk = predictRisk(coxph(~ scores), times = h); observed = 1 - summary(survfit, times = h)$surv; slope = coxph(Surv ~ log(-log(1 - risk))); groups = cut(risk, unique(quantile(risk, 0:10/10)), include.lowest = TRUE)",
    brier = "Score(list(risk), metrics = 'brier', summary = 'ipa', cens.model = 'km', times = h, null.model = TRUE)",
    netBenefit = "(1 - S+(h)) * P(risk >= p) - S+(h) * P(risk >= p) * p/(1 - p) with S+ = survfit among risk >= p; treat all likewise"
  ),
  datasets = lapply(datasets, function(d) d[intersect(c("time", "event", "scores", "group", "tau", "horizons", "risk"), names(d))]),
  results = results,
  extras = extras
)
writeLines(toJSON(golden, digits = NA, auto_unbox = TRUE, pretty = TRUE), out_path)
cat("wrote", out_path, "\n")
