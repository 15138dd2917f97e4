package io.bellwether.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuorumTest {

    @Test
    void parsesNodeIdsAndControllerPortsIntoLoopbackVoters() {
        Quorum quorum = Quorum.parse("2@19095, 1@19093,3@19097");

        assertThat(quorum.voters()).isEqualTo("1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097");
        assertThat(quorum.controllerPort(3)).isEqualTo(19097);
        assertThat(quorum.internalReplication()).isEqualTo(3);
    }

    @Test
    void givesEveryMemberTheSameClusterIdAndAnotherQuorumAnotherOne() {
        String id = Quorum.parse("1@19093,2@19095,3@19097").clusterId();

        assertThat(Quorum.parse("3@19097,2@19095,1@19093").clusterId()).isEqualTo(id);
        assertThat(Quorum.parse("1@29093,2@29095,3@29097").clusterId()).isNotEqualTo(id);
        assertThat(new Quorum(Map.of(1, 9093)).internalReplication()).isEqualTo(1);
    }

    @Test
    void rejectsMalformedSpecsAndNodesOutsideTheQuorumInOneLine() {
        assertThatThrownBy(() -> Quorum.parse("1@19093,1@19095")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("distinct node ids");
        assertThatThrownBy(() -> Quorum.parse("one@19093")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid controller quorum 'one@19093'");
        assertThatThrownBy(() -> Quorum.parse("1@19093").controllerPort(2)).isInstanceOf(ConfigException.class)
                .hasMessage("node id 2 is not in the controller quorum 1@127.0.0.1:19093");
    }
}
