package uk.nhs.ics.transition.web.command;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.web.RequestIds;
import uk.nhs.ics.transition.web.http.ClientAddresses;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Role;

/**
 * Sends a command on behalf of the caller of a request and waits until its events are stored. The command carries
 * who the caller is, the role they acted in (and for which organisations), the client address and the request's
 * correlation id; every event the command causes carries them on into the audit trail.
 */
public class CommandSender {

    private final CommandGateway commands;
    private final ClientAddresses clientAddresses;

    public CommandSender(CommandGateway commands, ClientAddresses clientAddresses) {
        this.commands = commands;
        this.clientAddresses = clientAddresses;
    }

    /**
     * @param command the command
     * @param caller who asked
     * @param role the role that allowed it
     * @param scope the organisation the role was used for (an ICS or region code), or {@code null} for national
     * @param request the HTTP request, for the client address and correlation id
     * @return the aggregate's version after the change, and anything the command created
     */
    public CommandOutcome send(Object command, Caller caller, Role role, String scope, HttpServletRequest request) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, caller.subject());
        metadata.put(MetadataKeys.ACTOR_NAME, caller.name());
        metadata.put(MetadataKeys.ACTOR_ROLE, role.name());
        if (scope != null) {
            metadata.put(MetadataKeys.ACTOR_SCOPE, scope);
        }
        return send(command, metadata, request);
    }

    /**
     * Sends a command one person asked for and the caller approved (four eyes): its actor is the person who asked, in
     * the role they asked in, and the approver and the approval travel beside them, into every event it causes.
     *
     * @param maker who asked: {@code sub}, name, role and scope, as their request recorded them
     * @param approvalId the approval it is carried out under
     */
    public CommandOutcome sendApproved(
            Object command,
            Maker maker,
            String approvalId,
            Caller approver,
            Role role,
            String scope,
            HttpServletRequest request) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, maker.subject());
        putIfPresent(metadata, MetadataKeys.ACTOR_NAME, maker.name());
        putIfPresent(metadata, MetadataKeys.ACTOR_ROLE, maker.role());
        putIfPresent(metadata, MetadataKeys.ACTOR_SCOPE, maker.scope());
        metadata.put(MetadataKeys.APPROVAL_ID, approvalId);
        metadata.put(MetadataKeys.APPROVED_BY, approver.subject());
        metadata.put(MetadataKeys.APPROVED_BY_NAME, approver.name());
        metadata.put(MetadataKeys.APPROVED_BY_ROLE, role.name());
        putIfPresent(metadata, MetadataKeys.APPROVED_BY_SCOPE, scope);
        return send(command, metadata, request);
    }

    /** Who asked for an approved command. */
    public record Maker(String subject, String name, String role, String scope) {}

    private static void putIfPresent(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    private CommandOutcome send(Object command, Map<String, Object> metadata, HttpServletRequest request) {
        metadata.put(MetadataKeys.CLIENT_ADDRESS, clientAddresses.of(request));
        metadata.put(MetadataKeys.CORRELATION_ID, RequestIds.of(request));
        String clientRequestId = RequestIds.clientRequestIdOf(request);
        if (clientRequestId != null) {
            metadata.put(MetadataKeys.CLIENT_REQUEST_ID, clientRequestId);
        }
        Object result = commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        if (result instanceof CommandOutcome outcome) {
            return outcome;
        }
        throw new IllegalStateException("a command handler answered without the aggregate version: " + command);
    }
}
