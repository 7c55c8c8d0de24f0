package uk.nhs.ics.transition.web.approval;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.ics.transition.projections.approval.ApprovalQueries;
import uk.nhs.ics.transition.web.command.CommandSender;
import uk.nhs.ics.transition.web.http.Writes;
import uk.nhs.ics.transition.web.ops.ProjectionOperations;
import uk.nhs.ics.transition.web.security.Permissions;

/** Four eyes: which actions need a second person, who may decide them, and the gate the controllers go through. */
@Configuration(proxyBeanMethods = false)
public class FourEyesConfiguration {

    @Bean
    FourEyesPolicy fourEyesPolicy(
            @Value("${ics.four-eyes.actions:ALL}") List<String> actions,
            @Value("${ics.four-eyes.lifetime-days:7}") int lifetimeDays) {
        return FourEyesPolicy.of(actions, lifetimeDays);
    }

    @Bean
    ApprovalRules approvalRules(Permissions permissions) {
        return new ApprovalRules(permissions);
    }

    @Bean
    FourEyes fourEyes(
            FourEyesPolicy policy,
            ApprovalRules rules,
            ApprovalQueries approvals,
            Writes writes,
            CommandSender sender,
            EventStore eventStore,
            @Qualifier("messageSerializer") Serializer serializer,
            ProjectionOperations administration) {
        return new FourEyes(policy, rules, approvals, writes, sender, eventStore, serializer, administration);
    }
}
