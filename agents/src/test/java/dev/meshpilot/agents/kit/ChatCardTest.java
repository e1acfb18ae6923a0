package dev.meshpilot.agents.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChatCardTest {
    @Test
    void should_show_a_few_items_of_a_long_list_and_name_the_command_for_the_rest() {
        ChatCard card = new ChatCard("Header", "meshpilot drift");
        card.list("Findings", IntStream.range(0, 20).boxed().toList(), i -> "finding " + i);
        card.list("Nothing", List.<String>of(), s -> s);
        card.section(" ");

        List<ChatBlock> blocks =
                card.section("end").divider().context("ctx").section(null).blocks();

        assertThat(blocks)
                .extracting(ChatBlock::type)
                .containsExactly("header", "section", "section", "divider", "context");
        String list = blocks.get(1).text();
        assertThat(list.lines().filter(l -> l.startsWith("• "))).hasSize(ChatCard.MAX_ITEMS);
        assertThat(list).endsWith("_… and 12 more: `meshpilot drift`_");
    }

    @Test
    void should_cut_text_to_one_line_of_at_most_the_length_given() {
        assertThat(ChatCard.line("a\n  b\tc", 10)).isEqualTo("a b c");
        assertThat(ChatCard.line("x".repeat(20), 10)).hasSize(10).endsWith("…");
        assertThat(ChatCard.line(null, 10)).isEmpty();
        assertThat(ChatCard.owner(null)).isEqualTo("unknown owner");
    }
}
