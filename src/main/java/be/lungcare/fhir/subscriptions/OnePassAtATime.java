package be.lungcare.fhir.subscriptions;

import ca.uhn.fhir.jpa.subscription.async.AsyncResourceModifiedSubmitterSvc;
import ca.uhn.fhir.subscription.api.IResourceModifiedMessagePersistenceSvc;
import ca.uhn.fhir.subscription.api.IResourceModifiedConsumerWithRetries;

/**
 * HAPI's pass over its queue of changes, one at a time. HAPI's scheduler starts a pass every matching interval,
 * also while the previous one still runs; each takes different changes, but with matching on the pass's thread
 * ({@link SynchronousMatchingChannelFactory}) two passes would match at the same time while one of them
 * (re-)registers a subscription, and a change matched in that moment would miss it; and notifications would be
 * logged out of the order of their changes. A pass that starts while another runs waits for it.
 */
final class OnePassAtATime extends AsyncResourceModifiedSubmitterSvc {

	OnePassAtATime(IResourceModifiedMessagePersistenceSvc persistence, IResourceModifiedConsumerWithRetries consumer) {
		super(persistence, consumer);
	}

	@Override
	public synchronized void runDeliveryPass() {
		super.runDeliveryPass();
	}
}
