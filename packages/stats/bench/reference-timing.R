# Times R's reference implementations on the benchmark's data (called by stats.bench.ts).
# Args: <binary file of n doubles time, n doubles event, n doubles score> <n> <horizon>
suppressPackageStartupMessages({ library(survival); library(pROC); library(riskRegression); library(prodlim) })
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[2]); h <- as.numeric(args[3])
con <- file(args[1], "rb"); v <- readBin(con, "double", 3 * n); close(con)
time <- v[1:n]; event <- v[(n + 1):(2 * n)]; score <- v[(2 * n + 1):(3 * n)]
t_c <- system.time(fit <- concordance(Surv(time, event) ~ score, reverse = TRUE))[["elapsed"]]
keep <- (event == 1 & time <= h) | time > h
lab <- as.numeric(event == 1 & time <= h)[keep]
t_a <- system.time({ ro <- roc(lab, score[keep], direction = "<", levels = c(0, 1), quiet = TRUE); ci <- ci.auc(ro, method = "delong") })[["elapsed"]]
t_s <- NA; aucT <- NA
if (n <= 100000) {
  df <- data.frame(time = time, event = event)
  t_s <- system.time(sc <- Score(list(score = score), formula = Hist(time, event) ~ 1, data = df, metrics = "auc",
                                 cens.model = "km", times = h, null.model = FALSE))[["elapsed"]]
  aucT <- sc$AUC$score$AUC[1]
}
cat(sprintf('{"concordance": %.6f, "harrellC": %.15g, "harrellSe": %.15g, "auroc": %.6f, "aurocEstimate": %.15g, "timeAuc": %s, "timeAucEstimate": %s}\n',
            t_c, fit$concordance, sqrt(fit$var), t_a, as.numeric(auc(ro)), ifelse(is.na(t_s), "null", sprintf("%.6f", t_s)), ifelse(is.na(aucT), "null", sprintf("%.15g", aucT))))
