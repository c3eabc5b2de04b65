from geo.boundaries import BoundaryDataError as BoundaryDataError
from geo.boundaries import provinces as provinces
from geo.boundaries import provinces_geojson as provinces_geojson
from geo.gazetteer import Gazetteer as Gazetteer
from geo.gazetteer import GazetteerError as GazetteerError
from geo.gazetteer import Place as Place
from geo.gazetteer import PlaceMention as PlaceMention
from geo.gazetteer import load_gazetteer as load_gazetteer
