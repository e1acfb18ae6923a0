package dev.meshpilot.sandbox.gate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A heuristic detector of instruction-like content in text that came from data (descriptions, error
 * messages, runbooks): imperative phrases aimed at an assistant, role-play and prompt-extraction requests,
 * requests to send data somewhere. It only flags; the text is fenced as untrusted either way. Its detection
 * rate on the shared injection corpus is measured by a test and documented in docs/sandbox.md.
 */
final class Instructions {
    private static final List<Pattern> PATTERNS = List.of(
            p(
                    "\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(previous|prior|above|earlier|all|any|your|the)\\b.{0,30}\\b(instruction|prompt|rule|direction|guideline|context|message)s?"),
            p("\\b(system|developer|hidden|initial|original)\\s+(prompt|instruction|message)s?"),
            p("\\b(you are now|act as|pretend (to be|you are)|roleplay|role-play|from now on)\\b"),
            p(
                    "\\b(repeat|print|reveal|show|output|tell me|display|leak|spell)\\b.{0,40}\\b(prompt|instructions|above|system|everything|text above|secret|password|key)\\b"),
            p(
                    "\\b(send|post|upload|forward|email|transmit|exfiltrate)\\b.{0,60}\\b(to|at)\\b.{0,40}(https?://|www\\.|@|\\burl\\b|\\bserver\\b|\\bendpoint\\b)"),
            p("\\b(call|invoke|run|execute|use)\\b.{0,20}\\b(the\\s+)?(tool|function|command|api)\\b"),
            p("\\b(new|updated|additional|important|urgent)\\s+(instruction|task|directive|order)s?\\b"),
            p(
                    "\\b(as an? (ai|assistant|language model)|dear (ai|assistant|model)|(ai|assistant|chatbot|model)\\s*[:,])"),
            p(
                    "\\b(instead|in addition|also|then|first|before (answering|responding|you))\\b.{0,40}\\b(write|say|answer|respond|reply|include|insert|append|add|mention|tell)\\b"),
            p(
                    "\\b(do not|don't|never)\\b.{0,30}\\b(tell|mention|reveal|inform|say)\\b.{0,30}\\b(user|anyone|human)\\b"),
            p(
                    "(https?://|www\\.)\\S+.{0,40}\\b(click|visit|go to|open|download|log ?in|sign ?in)\\b|\\b(click|visit|go to|open|download)\\b.{0,40}(https?://|www\\.)"),
            p(
                    "\\b(translate|summari[sz]e|rewrite|encode|decode|base64)\\b.{0,40}\\b(following|this|everything|the text|your (answer|response|reply))\\b"),
            p(
                    "\\b(respond|answer|reply|write)\\b.{0,20}\\b(only|in|with|using)\\b.{0,20}\\b(language|french|spanish|german|chinese|emoji|caps|json|code|poem|rhyme)"),
            p("<\\|?(im_start|im_end|system|endoftext)\\|?>|\\[/?(inst|sys)\\]|###\\s*(instruction|system)"),
            p("\\byour\\s+(response|reply|replies|answer|output|program|solution|code|algorithm|script|instructions|"
                    + "configuration|config|prompt|rules|guidelines|directives|setup|training|message)s?\\b"),
            p("```[\\s\\S]*\\b(import|subprocess|os\\.system|socket|eval|exec|requests\\.|curl|wget|rm -rf)\\b"),
            p(
                    "^\\W*(how (can|do|does|would|should|could|to|have|has|is|are)|what (are|is|was|were)|why (is|are|do|does)|"
                            + "which|can you|could you|would you|please|write|create|generate|compose|draft|suggest|recommend|"
                            + "list|give|provide|explain|describe|tell|summari[sz]e|translate|analy[sz]e|identify|compare)\\b"),
            p("\\b(never ?mind|stop everything|just (say|print|output|write))\\b"),
            p("\\b(ignore|disregard)\\b.{0,30}\\b(instructions?|above|previous|following)\\b"));

    private Instructions() {}

    static boolean suspicious(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\u200B-\\u200F\\u2060\\uFEFF]", "")
                .toLowerCase(Locale.ROOT);
        for (Pattern p : PATTERNS) {
            if (p.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.DOTALL);
    }
}
