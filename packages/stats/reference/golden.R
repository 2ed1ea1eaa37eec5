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
              group = ifelse(lung_cc$sex == 1, "male", "female"), tau = 500, horizons = c(180, 365)),
  veteran = list(time = survival::veteran$time, event = survival::veteran$status,
                 scores = list(neg_karno = -survival::veteran$karno, age = survival::veteran$age,
                               diagtime = survival::veteran$diagtime),
                 group = as.character(survival::veteran$celltype), tau = 300, horizons = c(90, 180)),
  pbc = local({
    d <- survival::pbc[1:312, ]
    list(time = d$time, event = as.numeric(d$status == 2),
         scores = list(bili = d$bili, neg_albumin = -d$albumin, age = d$age),
         group = as.character(d$stage), tau = 3000, horizons = c(1826, 3652))
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
  results[[name]] <- r
}

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
    cox = "coxph(Surv(time, event) ~ scores..., ties = 'efron')"
  ),
  datasets = lapply(datasets, function(d) d[c("time", "event", "scores", "group", "tau", "horizons")]),
  results = results
)
writeLines(toJSON(golden, digits = NA, auto_unbox = TRUE, pretty = TRUE), out_path)
cat("wrote", out_path, "\n")
