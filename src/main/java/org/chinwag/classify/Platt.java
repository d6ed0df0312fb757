package org.chinwag.classify;

/**
 * Platt scaling: {@code p' = 1 / (1 + exp(-(a * logit(p) + b)))}, fitted on out-of-fold scores
 * by Newton's method on the log loss, with Platt's smoothed targets to avoid over-confidence.
 */
record Platt(double a, double b) {
  static final Platt IDENTITY = new Platt(1, 0);

  double apply(double p) {
    double z = a * logit(p) + b;
    return 1 / (1 + Math.exp(-z));
  }

  static double logit(double p) {
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  }

  private static double loss(double[] x, double[] t, double a, double b) {
    double l = 0;
    for (int i = 0; i < x.length; i++) {
      double z = a * x[i] + b;
      // log(1 + e^z) - t z, computed stably
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      l += softplus - t[i] * z;
    }
    return l;
  }

  static Platt fit(double[] scores, boolean[] positive) {
    int n = scores.length;
    int pos = 0;
    for (boolean b : positive) {
      if (b) {
        pos++;
      }
    }
    int neg = n - pos;
    if (pos == 0 || neg == 0) {
      return IDENTITY;
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double[] x = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = logit(scores[i]);
      t[i] = positive[i] ? hi : lo;
    }
    double a = 1;
    double b = 0;
    double loss = loss(x, t, a, b);
    for (int iter = 0; iter < 100; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-9;
      double hab = 0;
      double hbb = 1e-9;
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-(a * x[i] + b)));
        double d = p - t[i];
        double w = p * (1 - p);
        ga += d * x[i];
        gb += d;
        haa += w * x[i] * x[i];
        hab += w * x[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      if (Math.abs(det) < 1e-12) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      // backtracking line search: Newton steps overshoot when the scores are nearly separable
      double step = 1;
      double na = a - da;
      double nb = b - db;
      double nl = loss(x, t, na, nb);
      while (nl > loss + 1e-12 && step > 1e-6) {
        step /= 2;
        na = a - step * da;
        nb = b - step * db;
        nl = loss(x, t, na, nb);
      }
      if (nl > loss + 1e-12) {
        break;
      }
      boolean done = Math.abs(na - a) < 1e-7 && Math.abs(nb - b) < 1e-7;
      a = na;
      b = nb;
      loss = nl;
      if (done) {
        break;
      }
    }
    if (!Double.isFinite(a) || !Double.isFinite(b) || a <= 0) {
      return IDENTITY;
    }
    return new Platt(a, b);
  }
}
