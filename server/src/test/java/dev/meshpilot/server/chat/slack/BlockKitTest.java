package dev.meshpilot.server.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block Kit within Slack's limits, the cut stated with the command for the full report. */
class BlockKitTest {
    @Test
    void should_stay_within_slacks_limits_and_say_where_the_rest_is_when_a_report_is_huge() {
        List<ChatBlock> blocks = new ArrayList<>();
        blocks.add(ChatBlock.header("H".repeat(400)));
        for (int i = 0; i < 120; i++) {
            blocks.add(ChatBlock.section("line " + i + " " + "x".repeat(900)));
        }
        blocks.add(ChatBlock.markdown("# Title\n" + "y".repeat(9000)));

        ArrayNode out = BlockKit.render(blocks, "meshpilot drift", null);

        assertThat(out.size()).isLessThanOrEqualTo(BlockKit.MAX_BLOCKS);
        assertThat(out.toString().length()).isLessThan(BlockKit.MAX_TOTAL + 1000);
        for (JsonNode b : out) {
            assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(BlockKit.MAX_SECTION);
        }
        assertThat(out.get(0).path("text").path("text").asText()).hasSizeLessThanOrEqualTo(BlockKit.MAX_HEADER);
        assertThat(out.get(out.size() - 1).toString()).contains("Cut to fit Slack", "`meshpilot drift`");
    }

    @Test
    void should_split_a_long_markdown_block_into_sections_of_at_most_3000_characters() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> s =
                BlockKit.convert(ChatBlock.markdown(("row\n").repeat(2000)));
        assertThat(s).hasSizeGreaterThan(1);
        s.forEach(b -> assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000));
    }

    @Test
    void should_escape_mesh_text_so_it_cannot_mention_everyone_or_forge_links() {
        JsonNode b = BlockKit.convert(ChatBlock.section("owner says <!channel> see <https://evil|docs> & more"))
                .get(0);
        assertThat(b.path("text").path("text").asText())
                .doesNotContain("<!channel>", "<https")
                .contains("&lt;!channel&gt;", "&amp;");
    }

    @Test
    void should_keep_the_buttons_when_blocks_are_cut() {
        List<ChatBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            blocks.add(ChatBlock.divider());
        }
        var actions = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("type", "actions");
        ArrayNode out = BlockKit.render(blocks, null, actions);
        assertThat(out.size()).isEqualTo(BlockKit.MAX_BLOCKS);
        assertThat(out.toString()).contains("\"actions\"", "Full report");
    }
}
