package dev.meshpilot.server;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;

/**
 * Removes the folder ONNX Runtime extracts its native libraries into ({@code onnxruntime-java*} in the temp
 * folder) when the JVM exits. ONNX Runtime marks the folder and its files for deletion on exit in an order
 * that deletes the files but leaves the folder, one per model load. The launcher avoids the extraction (it
 * sets {@code onnxruntime.native.path} to a copy made once per build); this covers {@code java -jar}.
 */
final class OrtTempFolder {
    private static final String ORT = "ai.onnxruntime.OnnxRuntime";

    private OrtTempFolder() {}

    static void removeOnExit() {
        if (System.getProperty("onnxruntime.native.path") == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(OrtTempFolder::remove, "ort-temp-cleanup"));
        }
    }

    /** Deletes the folder ONNX Runtime made in this JVM, if it made one; never fails. */
    static void remove() {
        try {
            Class<?> ort = Class.forName(ORT, false, OrtTempFolder.class.getClassLoader());
            Field loaded = ort.getDeclaredField("loaded");
            Field temp = ort.getDeclaredField("tempDirectory");
            loaded.setAccessible(true);
            temp.setAccessible(true);
            if (!loaded.getBoolean(null) || !(temp.get(null) instanceof Path dir)) {
                return;
            }
            File[] files = dir.toFile().listFiles();
            for (File f : files == null ? new File[0] : files) {
                f.delete(); // the libraries are loaded already: deleting the files does not unload them
            }
            dir.toFile().delete();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // another ONNX Runtime version: at worst an empty folder stays in the temp folder, as before
        }
    }
}
