package org.chinwag.safeguard;

/** Scratch: shows what the patterns make of each argument (not a test). */
public class DebugMain {
    public static void main(String[] args) {
        SafeguardingData data = SafeguardingData.read(IntentFiles.folder(java.nio.file.Path.of("intents")), "big-chat");
        TextNormaliser n = new TextNormaliser(data.patterns().spellings());
        for (String a : args) {
            String norm = n.normalise(a);
            String clean = data.patterns().withoutIdioms(norm);
            System.out.println(a + "\n   norm: " + norm + "\n  clean: " + clean + "\n  match: " + data.patterns().match(clean));
        }
    }
}
