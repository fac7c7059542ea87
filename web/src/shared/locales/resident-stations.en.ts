/** English strings: resident-stations (same keys as resident-stations.zh-CN). */
import type { residentStationsZhCN } from './resident-stations.zh-CN';
import type { Strings } from './strings';

export const residentStationsEn: Strings<typeof residentStationsZhCN> = {
  residentStations: {
    title: 'Red stations',
    tab: 'Stations',
    intro: 'Red stations nearby offer shelter, shade, a seat and drinking water; some also charging, a toilet or an umbrella to borrow.',
    useLocation: 'Use my location',
    locating: 'Finding your location…',
    located: 'Nearest first',
    locationDenied: 'Your location is not available ({{reason}}); all stations are listed by community below.',
    locationUnsupported: 'This browser cannot share a location; all stations are listed by community below.',
    byCommunity: 'Listed by community; “Use my location” sorts them by distance.',
    service: 'Service needed',
    anyService: 'Any service',
    loading: 'Loading…',
    loadFailed: 'Could not load: {{message}}',
    none: 'No station offers this service',
    distance: 'About {{distance}} away',
    hours: 'Opening hours',
    address: 'Address',
    services: 'Services',
    openMap: 'Open in a map',
    openMapFor: 'Open in a map: {{name}}',
    count: '{{count}} stations',
  },
};
