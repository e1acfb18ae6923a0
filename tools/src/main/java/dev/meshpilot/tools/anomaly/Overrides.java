package dev.meshpilot.tools.anomaly;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Direction;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Scoring;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Seasonality;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Detector settings by name, as the workspace writes them, applied over other settings; and back to a map. */
public final class Overrides {
    private Overrides() {}

    static DetectorSettings apply(DetectorSettings s, Map<String, String> o) {
        return new DetectorSettings(
                o.containsKey("scoring") ? Scoring.valueOf(upper(o.get("scoring"))) : s.scoring(),
                num(o, "threshold", s.threshold()),
                (int) num(o, "trainingPoints", s.trainingPoints()),
                (int) num(o, "minTraining", s.minTraining()),
                o.containsKey("direction") ? Direction.valueOf(upper(o.get("direction"))) : s.direction(),
                num(o, "minChange", s.minChange()),
                num(o, "absoluteThreshold", s.absoluteThreshold()),
                o.containsKey("seasonality") ? Seasonality.valueOf(upper(o.get("seasonality"))) : s.seasonality(),
                (int) num(o, "levelShiftPoints", s.levelShiftPoints()),
                num(o, "alertBudget", s.alertBudget()));
    }

    public static Map<String, Object> describe(DetectorSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scoring", s.scoring().name().toLowerCase(Locale.ROOT));
        m.put("threshold", s.threshold());
        m.put("trainingPoints", s.trainingPoints());
        m.put("minTraining", s.minTraining());
        m.put("direction", s.direction().name().toLowerCase(Locale.ROOT));
        m.put("minChange", s.minChange());
        m.put("absoluteThreshold", Double.isNaN(s.absoluteThreshold()) ? "none" : s.absoluteThreshold());
        m.put("seasonality", s.seasonality().name().toLowerCase(Locale.ROOT));
        m.put("levelShiftPoints", s.levelShiftPoints());
        m.put("alertBudget", s.alertBudget());
        return m;
    }

    private static double num(Map<String, String> o, String key, double fallback) {
        return o.containsKey(key) ? Double.parseDouble(o.get(key)) : fallback;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
