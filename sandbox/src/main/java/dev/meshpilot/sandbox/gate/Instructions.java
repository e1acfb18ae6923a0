package dev.meshpilot.sandbox.gate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A heuristic detector of instruction-like content in text that came from data (descriptions, error
 * messages, runbooks). Two kinds of evidence: phrases that address an assistant and almost never occur in
 * data ({@link #STRONG}: overriding instructions, asking for the prompt, role-play, "your answer", special
 * tokens, exfiltration of data); and sentences that ask for something ({@link Requests}) with nothing of a
 * data platform's vocabulary in them or in the first person. It only flags; the text is fenced as
 * untrusted either way. Measured against the shared injection corpus and a set of ordinary mesh texts by
 * {@code InstructionsTest}; the numbers are in docs/sandbox.md. Stateless.
 */
final class Instructions {
    static final List<Pattern> STRONG = List.of(
            p("\\b(ignore|disregard|forget|bypass|override)\\b[^.]{0,60}?\\b(previous|prior|above|earlier|preceding|"
                    + "following|all|any|your|the|these|those)\\b[^.]{0,40}?\\b(instructions?|prompts?|rules|directions|"
                    + "guidelines|context)\\b"),
            p(
                    "\\b(system|developer|hidden|initial|original|starting|secret|previous|above)[ _-]?(prompt|instructions?)\\b"),
            p("\\bsystem[ _]?(prompt|message)|\\binitiali[sz]ation (string|prompt)|\\bsystemprompt"),
            p("\\b(you (were|are|have been)|were you|have you been|i was|i am|i've been) (told|instructed|given|"
                    + "programmed)\\b|\\bmy instructions are\\b|\\byou('re| are) not supposed to\\b"),
            p("\\b(you are now|from now on|pretend (to be|you are|you're)|role-?play as|imagine you are|"
                    + "act as (an? )?(ai|assistant|chatbot|language model|dan|unrestricted))\\b"),
            p("\\b(administrator|admin|developer|maintenance|debug|god|jailbreak|dan) (override|mode)\\b"),
            p("\\byour\\s+(\\w+\\s+)?(answer|response|reply|replies|output|elucidation)s?\\b"),
            p("\\byour\\s+(code|codebase|implementation|algorithm|solution|program)\\b"),
            p("\\b(encode|encrypt|translate|reverse|invert|render|express|substitute|shift)\\b[^.]{0,60}?\\byour\\s+"
                    + "(\\w+\\s+)?(message|answer|response|reply|output|instructions|prompt)"),
            p("\\b(reply|respond|answer)\\s+(only\\s+)?(in|using|with)\\s+(\\w+\\s+){0,2}?(base\\d+|cipher|reverse|"
                    + "emojis?|french|spanish|german|italian|portuguese|chinese|japanese|russian|caps|uppercase|"
                    + "rot13|morse|rhyme)"),
            p("\\bjust (say|print|output|write|reply|respond|answer)\\b|\\bnever ?mind\\b|\\bstop everything\\b"),
            p("\\b(repeat|print|reveal|output|display|show|spell|leak|dump|echo)\\b[^.]{0,40}?\\b(prompt|instructions|"
                    + "text above|above text|everything above|this (entire )?conversation)\\b"),
            p(
                    "\\b(complete|continue|finish) (this|the following)( sentence)?\\s*:|\\bstart your (answer|response|reply)"
                            + "|\\bbeginning with \"you are\"|\\bopposite of your\\b"),
            p("<\\|?(im_start|im_end|system|endoftext)\\|?>|\\[/?(inst|sys)\\]|###\\s*(instruction|system)"),
            p(
                    "\\b(send|email|e-mail|upload|post|forward|transmit|exfiltrate|leak)\\b[^.]{0,30}?\\b(the|all|this|every|"
                            + "these|your)\\s+(table|data|rows|records|results|conversation|credentials|passwords?|keys?|tokens?|"
                            + "customer|contents)\\b[^.]{0,40}?\\b(to|at)\\b[^.]{0,30}?(https?://|www\\.|[\\w.-]+@[\\w-]+\\.\\w)"),
            p("\\b(determine|classify|analy[sz]e|identify|detect|rate)\\s+the\\s+(sentiment|mood|tone|emotion)\\b|"
                    + "\\bis this (feedback|review|comment|tweet|text|sentence) (positive|negative)\\b"),
            p(
                    "```[\\s\\S]{0,2000}?(subprocess|os\\.system|os\\.dup2|socket\\.socket|requests\\.post|pickle\\.loads|nc -e|"
                            + "/bin/(ba)?sh -i)"));

    private static final TextMemo<Boolean> MEMO = new TextMemo<>(Instructions::scan);

    private Instructions() {}

    /** Whether {@code text} reads like an instruction to an assistant; remembered per text ({@link TextMemo}). */
    static boolean suspicious(String text) {
        return MEMO.apply(text);
    }

    private static boolean scan(String text) {
        String t = normalize(text);
        for (Pattern p : STRONG) {
            if (p.matcher(t).find()) {
                return true;
            }
        }
        return Requests.anyAddressedToAssistant(t);
    }

    /** NFKC (folds full-width and other compatibility forms), no zero-width characters, lower case. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }
}
